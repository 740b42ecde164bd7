import { Trans } from '@lingui/react/macro';
import type { MouseEvent } from 'react';
import classes from './skip-link.module.css';

/** The id of the page's main region, the target of the skip link. */
export const MAIN_CONTENT_ID = 'main-content';

/**
 * "Skip to content": the first stop of the Tab order, shown when focused; moves focus past the header
 * and navigation to the main region (WCAG 2.4.1), without touching the URL's hash (the router's).
 */
export const SkipLink = () => {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView({ block: 'start' });
  };
  return (
    <a href={`#${MAIN_CONTENT_ID}`} className={classes.skipLink} onClick={skip}>
      <Trans>Skip to content</Trans>
    </a>
  );
};
