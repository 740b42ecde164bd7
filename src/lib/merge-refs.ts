import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

/**
 * `useMergeRefs` of @floating-ui/react, for Mantine's ScrollArea, which imports only this from it: the
 * build points that one import here (vite.config.ts), so a page with a ScrollArea (every Table, through
 * Table.ScrollContainer) does not download the whole floating layer (about 14 kB gzip) to paint.
 */
export const useMergeRefs = <T>(refs: readonly (Ref<T> | undefined)[]) => useMergedRef<T>(...refs);
