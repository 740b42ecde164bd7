import { Trans, useLingui } from '@lingui/react/macro';
import { Button } from '@mantine/core';
import { Link } from 'react-router';
import type { Permission } from '@/lib/permission-names';
import { ErrorReference } from './error-reference';
import { StatusPage } from './status-page';

export interface ForbiddenProps {
  /** The missing permission, named in the message. */
  permission?: Permission;
  /**
   * The whole sentence the page shows, when it knows better than "…to open this page": what the
   * permission allows and who can grant it, e.g.
   * t`You need the ${permission} permission to see deleted groups. Ask an administrator of your organization to grant it.`
   */
  description?: string;
  /**
   * @deprecated A phrase put into the default sentence ("…permission to <action>."): a sentence built from
   * pieces does not translate. Pass the whole sentence as `description` instead.
   */
  action?: string;
  /** The API error that said no, when the page comes from one: its reference is shown. */
  error?: unknown;
}

/** The 403 page: says which permission is missing, and offers a way back. */
export const Forbidden = ({ permission, description, action, error }: ForbiddenProps) => {
  const { t } = useLingui();
  let text = description;
  if (text === undefined && action !== undefined) {
    text = permission
      ? t({
          message: `You need the ${permission} permission to ${action}. Ask an administrator of your organization to grant it.`,
          comment: '{action} is what the permission allows, a phrase such as "see deleted groups"',
        })
      : t({
          message: `You do not have the permission to ${action}.`,
          comment: '{action} is what the permission allows, a phrase such as "see deleted groups"',
        });
  }
  text ??= permission
    ? t`You need the ${permission} permission to open this page. Ask an administrator of your organization to grant it.`
    : t`You do not have the permission to open this page.`;
  return (
    <StatusPage
      code="403"
      title={t`You do not have access`}
      description={text}
      actions={
        <Button component={Link} to="/groups" variant="light">
          <Trans>Back to groups</Trans>
        </Button>
      }
      details={error === undefined ? undefined : <ErrorReference error={error} center />}
    />
  );
};
