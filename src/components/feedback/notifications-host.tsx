import { Suspense } from 'react';
import { useAfterFirstPaint } from '@/lib/idle';
import { lazyOptional } from '@/lib/optional-chunk';

const Notifications = lazyOptional(
  () => import('./notifications-view').then((m) => m.NotificationsView),
  () => null,
);

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
