import { lazy, Suspense } from 'react';
import { useAfterFirstPaint } from '@/lib/idle';

const Notifications = lazy(() => import('./notifications-view').then((m) => ({ default: m.NotificationsView })));

/**
 * Where notifications show, loaded once the browser is idle after the first paint instead of with it.
 * `notifications.show` works before: the store keeps what was shown and this renders it once mounted.
 */
export const NotificationsHost = () =>
  useAfterFirstPaint() ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
