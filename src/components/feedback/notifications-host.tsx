import { lazy, Suspense } from 'react';

const Notifications = lazy(() => import('./notifications-view').then((m) => ({ default: m.NotificationsView })));

/**
 * Where notifications show, loaded after the first paint instead of with it. `notifications.show`
 * works before: the store keeps what was shown and this renders it once mounted.
 */
export const NotificationsHost = () => (
  <Suspense fallback={null}>
    <Notifications />
  </Suspense>
);
