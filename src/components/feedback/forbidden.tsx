import { Button } from '@mantine/core';
import { Link } from 'react-router';
import type { Permission } from '@/lib/permission-names';
import { ErrorReference } from './error-reference';
import { StatusPage } from './status-page';

export interface ForbiddenProps {
  /** The missing permission, named in the message. */
  permission?: Permission;
  /** What the permission allows, e.g. "create groups" (default "open this page"). */
  action?: string;
  /** The API error that said no, when the page comes from one: its reference is shown. */
  error?: unknown;
}

/** The 403 page: says which permission is missing, and offers a way back. */
export const Forbidden = ({ permission, action = 'open this page', error }: ForbiddenProps) => (
  <StatusPage
    code="403"
    title="You do not have access"
    description={
      permission
        ? `You need the ${permission} permission to ${action}. Ask an administrator of your organization to grant it.`
        : `You do not have the permission to ${action}.`
    }
    actions={
      <Button component={Link} to="/groups" variant="light">
        Back to groups
      </Button>
    }
    details={error === undefined ? undefined : <ErrorReference error={error} center />}
  />
);
