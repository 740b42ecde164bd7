import { Anchor, Breadcrumbs } from '@mantine/core';
import { Link } from 'react-router';

export interface BreadcrumbLink {
  label: string;
  href: string;
}

/** The trail above a page's title: links to the pages above it, then the current page as plain text. */
export const PageBreadcrumbs = ({ links, current }: { links: BreadcrumbLink[]; current: string }) => (
  <nav aria-label="Breadcrumb">
    <Breadcrumbs>
      {links.map((link) => (
        <Anchor key={link.href} component={Link} to={link.href}>
          {link.label}
        </Anchor>
      ))}
      <span>{current}</span>
    </Breadcrumbs>
  </nav>
);
