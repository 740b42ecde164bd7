import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useCallback, useState } from 'react';

const loadPalette = () => import('./command-palette');
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));

/**
 * The command palette's code (Spotlight, its modal and styles) loads on first use: Ctrl/Cmd+K or
 * the header's search button. Until then only this shortcut is listened to; once the palette is
 * mounted it handles the shortcut itself.
 */
export const useCommandPalette = () => {
  const [requested, setRequested] = useState(false);
  const open = useCallback(() => {
    setRequested(true);
    void loadPalette().then((m) => m.openCommandPalette());
  }, []);
  useHotkeys(requested ? [] : [['mod+K', open]]);
  const palette = requested ? (
    <Suspense fallback={null}>
      <CommandPalette />
    </Suspense>
  ) : null;
  return { open, palette };
};
