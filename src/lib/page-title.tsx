import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { routerPath } from './base-path';

/**
 * The document title comes from the matched route's `handle.title`; a page may refine it once its
 * data is known (e.g. the group's name) with `usePageTitle(group?.name)`.
 */
export const APP_NAME = 'Groups Console';

type SetOverride = (override: { pathname: string; title: string } | null) => void;

const PageTitleContext = createContext<SetOverride>(() => {});

export const PageTitleProvider = ({ setOverride, children }: { setOverride: SetOverride; children: ReactNode }) => (
  <PageTitleContext.Provider value={setOverride}>{children}</PageTitleContext.Provider>
);

export const formatDocumentTitle = (title: string | undefined): string => (title ? `${title} · ${APP_NAME}` : APP_NAME);

export const usePageTitle = (title: string | undefined): void => {
  const setOverride = useContext(PageTitleContext);
  useEffect(() => {
    if (!title) return;
    setOverride({ pathname: routerPath(window.location.pathname), title });
    return () => setOverride(null);
  }, [setOverride, title]);
};
