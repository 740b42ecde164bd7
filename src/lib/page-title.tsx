import { t } from '@lingui/core/macro';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { routerPath } from './base-path';

/**
 * The document title comes from the matched route's `handle.title`; a page may refine it once its
 * data is known (e.g. the group's name) with `usePageTitle(group?.name)`.
 */
export const appName = (): string => t({ message: 'Groups Console', comment: "the product's name" });

type SetOverride = (override: { pathname: string; title: string } | null) => void;

const PageTitleContext = createContext<SetOverride>(() => {});

export const PageTitleProvider = ({ setOverride, children }: { setOverride: SetOverride; children: ReactNode }) => (
  <PageTitleContext.Provider value={setOverride}>{children}</PageTitleContext.Provider>
);

/** The document title: the page's title, then the product's (call at render time). */
export const formatDocumentTitle = (title: string | undefined): string =>
  title
    ? t({
        message: `${title} · Groups Console`,
        comment: "the browser tab's title: the page's title, then the product's name",
      })
    : appName();

export const usePageTitle = (title: string | undefined): void => {
  const setOverride = useContext(PageTitleContext);
  useEffect(() => {
    if (!title) return;
    setOverride({ pathname: routerPath(window.location.pathname), title });
    return () => setOverride(null);
  }, [setOverride, title]);
};
