import { useHotkeys } from '@mantine/hooks';
import { Suspense, useCallback, useState } from 'react';
import { lazyOptional } from '@/lib/optional-chunk';

const loadPalette = () => import('./command-palette');
const CommandPalette = lazyOptional(
  () => loadPalette().then((m) => m.CommandPalette),
  () => null,
);

/**
 * The command palette's code (Spotlight, its modal and styles) loads on first use: Ctrl/Cmd+K or
 * the header's search button. Until then only this shortcut is listened to; once the palette is
 * mounted it handles the shortcut itself.
 */
export const useCommandPalette = () => {
  const [requested, setRequested] = useState(false);
  const open = useCallback(() => {
    setRequested(true);
    // Without its code (the server away), the palette does not open; the lazy component says why.
    loadPalette().then(
      (m) => m.openCommandPalette(),
      () => undefined,
    );
  }, []);
  useHotkeys(requested ? [] : [['mod+K', open]]);
  const palette = requested ? (
    <Suspense fallback={null}>
      <CommandPalette />
    </Suspense>
  ) : null;
  return { open, palette };
};
