import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { StatusPage } from '@/components/feedback/status-page';
import { paths } from '@/config/paths';
import type { RouteHandle } from '@/lib/routing';

export const handle: RouteHandle = { title: msg`Page not found` };

export function Component() {
  const { t } = useLingui();
  return (
    <StatusPage
      code="404"
      title={t`Page not found`}
      description={t`There is nothing at this address.`}
      actions={
        <Button component={Link} to={paths.groups.list.getHref()} variant="light">
          <Trans>Back to groups</Trans>
        </Button>
      }
    />
  );
}
