import { Suspense } from 'react';
import { useAfterFirstInteraction } from '@/lib/idle';
import { lazyOptional } from '@/lib/optional-chunk';

const Notifications = lazyOptional(
  () => import('./notifications-view').then((m) => m.NotificationsView),
  () => null,
);

/**
 * Where notifications show, loaded at the first touch, key, click, focus or mouse movement (what shows one
 * follows an action) instead of with the first screen.
 * `notifications.show` works before: the store keeps what was shown and this renders it once mounted.
 */
export const NotificationsHost = () =>
  useAfterFirstInteraction() ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
