import { useLingui } from '@lingui/react/macro';
import { Skeleton, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import {
  getGetGroupDynamicSettingsQueryOptions,
  getGetGroupQueryOptions,
} from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import { isApiError } from '@/api/errors';
import { Forbidden } from '@/components/feedback/forbidden';
import { useCan, useCanEditGroup, useCanReadRules } from '@/lib/permissions';
import { usePageTitle } from '@/lib/page-title';
import { MembersTab } from '../members/members-tab';
import type { RulesPresence } from '../members/use-member-reasons';
import { HISTORY_PERMISSION } from '../history/history-permission';
import { useDetailUrlState, type DetailTab } from '../core/detail-url-state';
import tabClasses from './group-tabs.module.css';
import { GroupHeader } from './group-header';
import { permissionOf } from '@/lib/permission-names';
import { formatCount } from '@/lib/plural';

// The members tab is the page's first screen; the other tabs' code, and the person drawer's, load when
// they are opened (a phone fetches only what it shows).
const IndividualsTab = lazy(() => import('./people-tabs').then((m) => ({ default: m.IndividualsTab })));
const OwnersTab = lazy(() => import('./people-tabs').then((m) => ({ default: m.OwnersTab })));
const ProfileTab = lazy(() => import('./profile-tab').then((m) => ({ default: m.ProfileTab })));
const RulesTab = lazy(() => import('../rules/rules-tab').then((m) => ({ default: m.RulesTab })));
const RolesTab = lazy(() => import('../roles/roles-tab').then((m) => ({ default: m.RolesTab })));
const HistoryTab = lazy(() => import('../history/history-tab').then((m) => ({ default: m.HistoryTab })));
const UserGroupsDrawer = lazy(() => import('./user-groups-drawer').then((m) => ({ default: m.UserGroupsDrawer })));

interface TabDescriptor {
  key: DetailTab;
  label: string;
  hidden?: boolean;
  render: () => ReactNode;
}

/** The group page: header, tabs (state in the URL) and the user drawer. */
export const GroupDetailPage = ({ groupId, actions }: { groupId: string; actions?: (group: Group) => ReactNode }) => {
  const { t } = useLingui();
  const group = useQuery(getGetGroupQueryOptions(groupId)).data;
  const [state, update] = useDetailUrlState();
  const canEditMembers = useCanEditGroup(group);
  const canEditRules = useCan(permissionOf('updateGroupDynamicSettings'));
  const canDeleteRules = useCan(permissionOf('deleteGroupDynamicSettings'));
  const canViewHistory = useCan(HISTORY_PERMISSION);
  const canViewGrants = useCan(permissionOf('getAuthorizationSubject'));
  // Anyone else would get a 403 (src/lib/group-rules.ts), so the request is not made.
  const canReadRules = useCanReadRules(group);
  const rules = useQuery(
    getGetGroupDynamicSettingsQueryOptions(groupId, {
      query: { enabled: canReadRules, retry: false, throwOnError: false, meta: { silent: true } },
    }),
  );
  usePageTitle(group?.name);
  // Once opened, the drawer stays mounted, so that it closes with its transition and gives focus back.
  const [drawerLoaded, setDrawerLoaded] = useState(!!state.user);
  if (state.user && !drawerLoaded) setDrawerLoaded(true);

  // The History tab by URL without the permission: the 403 page naming it, as a route guard would.
  if (state.tab === 'history' && !canViewHistory) {
    return (
      <Forbidden
        permission={HISTORY_PERMISSION}
        action={t({
          message: 'see the history of groups',
          comment: 'completes "You need the {permission} permission to …" and "You do not have the permission to …"',
        })}
      />
    );
  }
  if (!group) return <Skeleton height={200} role="status" aria-label={t`Loading group`} />;

  const rulesMissing = isApiError(rules.error) && (rules.error.status === 404 || rules.error.status === 403);
  const hasRules = !!rules.data;
  const rulesPresence: RulesPresence = !canReadRules
    ? 'unknown'
    : hasRules
      ? 'some'
      : isApiError(rules.error) && rules.error.status === 404
        ? 'none'
        : rules.isError
          ? 'unknown'
          : 'loading';
  const openUser = (userId: string) => update({ user: userId });
  const memberCount = formatCount(group.memberCount ?? 0);
  const ownerCount = group.owners?.length ?? 0;

  const tabs: TabDescriptor[] = [
    {
      key: 'members',
      label: t({ message: `Members (${memberCount})`, comment: 'tab of the group page, with the number of members' }),
      render: () => (
        <MembersTab group={group} rules={rulesPresence} state={state} update={update} canEdit={canEditMembers} />
      ),
    },
    {
      key: 'individuals',
      label: t({ message: 'Individuals', comment: 'tab of the group page: people added to the group directly' }),
      render: () => <IndividualsTab group={group} onOpenUser={openUser} />,
    },
    {
      key: 'owners',
      label: t({ message: `Owners (${ownerCount})`, comment: 'tab of the group page, with the number of owners' }),
      render: () => <OwnersTab group={group} onOpenUser={openUser} />,
    },
    {
      key: 'profile',
      label: t({ message: 'Profile', comment: "tab of the group page: the group's profile" }),
      render: () => <ProfileTab group={group} />,
    },
    {
      key: 'rules',
      label: t({ message: 'Dynamic rules', comment: 'tab of the group page' }),
      hidden: !canReadRules || (!hasRules && !canEditRules),
      render: () => (
        <RulesTab
          groupId={groupId}
          rules={rules.data ?? (rulesMissing ? null : undefined)}
          error={rules.isError && !rulesMissing ? rules.error : null}
          onRetry={() => void rules.refetch()}
          canEdit={canEditRules}
          canDelete={canDeleteRules}
        />
      ),
    },
    {
      key: 'roles',
      label: t({ message: 'Roles', comment: 'tab of the group page: the roles the group grants' }),
      hidden: !canViewGrants,
      render: () => <RolesTab group={{ ...group, id: groupId }} />,
    },
    {
      key: 'history',
      label: t({ message: 'History', comment: "tab of the group page: the group's changes" }),
      hidden: !canViewHistory,
      render: () => <HistoryTab group={group} canEdit={canEditMembers} onOpenUser={openUser} />,
    },
  ];
  const shown = tabs.filter((tab) => !tab.hidden);
  const active = shown.some((tab) => tab.key === state.tab) ? state.tab : 'members';

  return (
    <Stack gap="lg">
      <GroupHeader group={group} actions={actions?.(group)} />
      <Tabs
        value={active}
        onChange={(tab) => update({ tab: (tab ?? 'members') as DetailTab, page: 1, status: null })}
        keepMounted={false}
        classNames={{ list: tabClasses.list, tab: tabClasses.tab }}
      >
        <Tabs.List aria-label={t`Group sections`}>
          {shown.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {shown.map((tab) => {
          const tabLabel = tab.label;
          return (
            <Tabs.Panel key={tab.key} value={tab.key} pt="md">
              <Suspense
                fallback={
                  <Skeleton
                    height={200}
                    role="status"
                    aria-label={t({ message: `Loading ${tabLabel}`, comment: '{tabLabel} is the name of a tab' })}
                  />
                }
              >
                {tab.render()}
              </Suspense>
            </Tabs.Panel>
          );
        })}
      </Tabs>
      {drawerLoaded ? (
        <Suspense fallback={null}>
          <UserGroupsDrawer userId={state.user} onClose={() => update({ user: null })} />
        </Suspense>
      ) : null}
    </Stack>
  );
};
