import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group as MantineGroup, Loader, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import {
  useGetAuthorizationDivisions,
  useGetAuthorizationDivisionsHome,
  useGetAuthorizationRoles,
} from '@/api/generated/endpoints/authorization/authorization';
import type { Group } from '@/api/generated/model/group';
import { describeError } from '@/components/feedback/query-error-alert';
import { ErrorReference } from '@/components/feedback/error-reference';
import { Modal } from '@/components/dialogs/dialogs';
import { ALL_DIVISIONS } from '../core/group-grants';
import { useGrantRolesMutation } from '../core/group-mutations';

/** Roles shown for a search: few enough to show without scrolling; typing narrows them. */
const ROLE_RESULTS = 8;
const DIVISION_PAGE = 100;

interface PickedRole {
  id: string;
  name: string;
  permissions: number;
}

/** "Supervisor carries 12 permissions." */
const roleCarries = (role: PickedRole): string => {
  const roleName = role.name;
  return plural(role.permissions, {
    one: `${roleName} carries # permission.`,
    other: `${roleName} carries # permissions.`,
  });
};

/** A role searched by name on the server (GET /authorization/roles?name=…). */
const RolePicker = ({
  value,
  onChange,
  error,
}: {
  value: PickedRole | null;
  onChange: (role: PickedRole | null) => void;
  error?: string;
}) => {
  const { t } = useLingui();
  const [term, setTerm] = useState('');
  const searched = term === value?.name ? '' : term.trim();
  const [debounced] = useDebouncedValue(searched, 250);
  const roles = useGetAuthorizationRoles({ name: debounced || undefined, pageSize: ROLE_RESULTS, userCount: false });
  const loading = roles.isFetching || debounced !== searched;
  const total = roles.data?.total ?? 0;
  const shownCount = ROLE_RESULTS;
  const more = total - (roles.data?.entities?.length ?? 0);
  const options = useMemo(() => {
    const found: PickedRole[] = (roles.data?.entities ?? [])
      .filter((r) => r.id)
      .map((r) => ({ id: r.id ?? '', name: r.name ?? r.id ?? '', permissions: r.permissions?.length ?? 0 }));
    if (value && !found.some((r) => r.id === value.id)) found.unshift(value);
    return found;
  }, [roles.data, value]);
  return (
    <Select
      label={t({ message: 'Role', comment: 'the role to assign' })}
      placeholder={t`Search roles by name`}
      searchable
      clearable
      required
      searchValue={term}
      onSearchChange={setTerm}
      filter={({ options: shown }) => shown}
      nothingFoundMessage={loading ? t`Searching…` : roles.isError ? describeError(roles.error) : t`No role matches`}
      rightSection={loading ? <Loader size="xs" aria-hidden /> : undefined}
      data={options.map((r) => ({ value: r.id, label: r.name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((r) => r.id === id) ?? null)}
      maxDropdownHeight={ROLE_RESULTS * 48}
      description={
        value
          ? roleCarries(value)
          : more > 0
            ? t`Showing ${shownCount} of ${total} roles: type part of a name to find others.`
            : undefined
      }
      error={error}
    />
  );
};

/**
 * The divisions of a grant: every division of the org, and "All divisions" (the `*` division: current
 * and future ones), which stands alone.
 */
const DivisionsPicker = ({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) => {
  const { t } = useLingui();
  const divisions = useGetAuthorizationDivisions({ pageSize: DIVISION_PAGE });
  const data = useMemo(
    () => [
      { value: ALL_DIVISIONS, label: t`All divisions` },
      ...(divisions.data?.entities ?? [])
        .filter((d) => d.id)
        .map((d) => {
          const divisionName = d.name ?? d.id;
          return {
            value: d.id ?? '',
            label: d.homeDivision
              ? t({ message: `${divisionName} (home)`, comment: "the org's home division" })
              : (d.name ?? d.id ?? ''),
          };
        }),
    ],
    [divisions.data, t],
  );
  const change = (ids: string[]) => {
    const added = ids.filter((id) => !value.includes(id));
    // "All divisions" covers the others: choosing it leaves it alone, choosing another leaves it out.
    if (added.includes(ALL_DIVISIONS)) onChange([ALL_DIVISIONS]);
    else onChange(ids.filter((id) => id !== ALL_DIVISIONS || added.length === 0));
  };
  return (
    <MultiSelect
      label={t`Divisions`}
      description={t`The role applies to what is in these divisions. All divisions includes those added later.`}
      placeholder={value.length ? undefined : t`Choose divisions`}
      searchable
      required
      data={data}
      value={value}
      onChange={change}
      rightSection={divisions.isPending ? <Loader size="xs" aria-hidden /> : undefined}
      error={error ?? (divisions.isError ? describeError(divisions.error) : undefined)}
    />
  );
};

export interface AssignRolesDialogProps {
  group: Group & { id: string };
  opened: boolean;
  onClose: () => void;
}

/** Grants a role over the chosen divisions to the group (POST …/subjects/{groupId}/bulkadd). */
export const AssignRolesDialog = ({ group, opened, onClose }: AssignRolesDialogProps) => {
  const { t } = useLingui();
  const groupName = group.name;
  return (
    // Opens on its text: the role list, which opens on focus, would cover the divisions chosen to start with.
    <Modal opened={opened} onClose={onClose} title={t`Assign roles to ${groupName}`} size="lg" initialFocus="content">
      {opened ? <AssignRolesForm group={group} onClose={onClose} /> : null}
    </Modal>
  );
};

const AssignRolesForm = ({ group, onClose }: { group: Group & { id: string }; onClose: () => void }) => {
  const { t } = useLingui();
  const home = useGetAuthorizationDivisionsHome();
  const groupName = group.name;
  const grant = useGrantRolesMutation(group.id);
  const [role, setRole] = useState<PickedRole | null>(null);
  const [divisionIds, setDivisionIds] = useState<string[] | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  // The home division is chosen until the divisions are changed.
  const homeId = home.data?.id;
  const chosen = divisionIds ?? (homeId ? [homeId] : []);

  const submit = async () => {
    setSubmitted(true);
    setFailure(null);
    if (!role || chosen.length === 0) return;
    try {
      await grant.mutateAsync({
        subjectId: group.id,
        params: { subjectType: 'PC_GROUP' },
        data: { grants: chosen.map((divisionId) => ({ roleId: role.id, divisionId })) },
      });
      onClose();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack>
        <Text size="sm">
          <Trans>Every member of {groupName} holds the role in the divisions chosen.</Trans>
        </Text>
        <RolePicker value={role} onChange={setRole} error={submitted && !role ? t`Choose a role` : undefined} />
        <DivisionsPicker
          value={chosen}
          onChange={setDivisionIds}
          error={submitted && chosen.length === 0 ? t`Choose at least one division` : undefined}
        />
        {failure ? (
          <Alert color="red" title={t`The role was not assigned`} role="alert">
            {describeError(failure)}
            <ErrorReference error={failure} />
          </Alert>
        ) : null}
        <MantineGroup justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={grant.isPending}>
            <Trans>Cancel</Trans>
          </Button>
          <Button type="submit" loading={grant.isPending}>
            <Trans>Assign role</Trans>
          </Button>
        </MantineGroup>
      </Stack>
    </form>
  );
};
