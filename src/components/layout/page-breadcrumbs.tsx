import { useLingui } from '@lingui/react/macro';
import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';
import classes from './page-breadcrumbs.module.css';

export interface BreadcrumbLink {
  label: string;
  href: string;
}

/**
 * The trail above a page's title: links to the pages above it, then the current page as plain text.
 * It stays on one line: a long name is cut with an ellipsis and shown whole on hover.
 */
export const PageBreadcrumbs = ({ links, current }: { links: BreadcrumbLink[]; current: string }) => {
  const { t } = useLingui();
  return (
    <nav aria-label={t`Breadcrumb`}>
      <Breadcrumbs classNames={{ root: classes.root }}>
        {links.map((link) => (
          <Anchor
            key={link.href}
            component={Link}
            to={link.href}
            title={link.label}
            className={`${classes.item} ${classes.link}`}
          >
            {link.label}
          </Anchor>
        ))}
        <span title={current} className={`${classes.item} ${classes.current}`}>
          {current}
        </span>
      </Breadcrumbs>
    </nav>
  );
};
