import { plural, t } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useGetFieldConfig } from '@/api/generated/endpoints/fieldconfig/fieldconfig';
import { useGetGroupProfile } from '@/api/generated/endpoints/groups/groups';
import type { Group } from '@/api/generated/model/group';
import type { GroupProfile } from '@/api/generated/model/groupProfile';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { ReferenceNames } from '@/components/reference/reference-names';
import {
  GROUP_PROPERTIES,
  NO_VALUE,
  propertyLabel,
  stateLabel,
  timeInWords,
  valueInWords,
} from '../core/group-vocabulary';

/**
 * "groupEmail" → "Group email": a key of the field configuration that the vocabulary does not name, in
 * words (the key comes from the API, so it has no message of its own).
 */
export const labelForKey = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A field's label: the group vocabulary's where it names the property, else the key in words. */
export const fieldLabel = (key: string): string => (key in GROUP_PROPERTIES ? propertyLabel(key) : labelForKey(key));

const yesNo = (v: boolean | undefined) =>
  v === undefined
    ? NO_VALUE
    : v
      ? t({ message: 'Yes', comment: 'a setting of the group that is on' })
      : t({ message: 'No', comment: 'a setting of the group that is off' });

/** A field's value, in the page's language: from the profile where it has the key, else from the group. */
export const profileValue = (key: string, profile: GroupProfile | undefined, group: Group): ReactNode => {
  const fromProfile = (profile as Record<string, unknown> | undefined)?.[key];
  if (key === 'dateModified') return timeInWords(profile?.dateModified ?? group.dateModified);
  if (typeof fromProfile === 'string' || typeof fromProfile === 'number') return valueInWords(key, String(fromProfile));
  switch (key) {
    case 'groupEmail':
      return group.email || NO_VALUE;
    case 'groupPhone':
    case 'groupRing': {
      const type = key === 'groupPhone' ? 'GROUPPHONE' : 'GROUPRING';
      const address = group.addresses?.find((a) => a.type === type);
      return address ? (address.display ?? address.address) : NO_VALUE;
    }
    case 'owners':
      return <ReferenceNames kind="user" references={group.owners} empty={NO_VALUE} />;
    case 'images':
      return group.images?.length ? plural(group.images.length, { one: '# image', other: '# images' }) : NO_VALUE;
    case 'rulesVisible':
    case 'includeOwners':
    case 'rolesEnabled':
    case 'callsEnabled':
      return yesNo(group[key]);
    default: {
      const value = (group as unknown as Record<string, unknown>)[key];
      return value === undefined || value === null || value === '' ? NO_VALUE : valueInWords(key, String(value));
    }
  }
};

/** The group profile laid out by the field configuration (GET /fieldconfig?type=group). */
export const ProfileTab = ({ group }: { group: Group }) => {
  const { t } = useLingui();
  const config = useGetFieldConfig({ type: 'group' }, { query: { staleTime: 10 * 60_000 } });
  const profile = useGetGroupProfile(group.id ?? '');
  if (config.isPending || profile.isPending)
    return <Skeleton height={240} role="status" aria-label={t`Loading profile`} />;
  if (config.isError || profile.isError) {
    return (
      <QueryErrorAlert
        error={config.error ?? profile.error}
        onRetry={() => {
          void config.refetch();
          void profile.refetch();
        }}
        title={t`Could not load the profile`}
      />
    );
  }
  const sections = (config.data.sections ?? []).filter((s) => s.state !== 'inactive');
  const profileVersion = profile.data.version ?? '';
  const modified = timeInWords(profile.data.dateModified);
  const stateProperty = propertyLabel('state');
  const state = profile.data.state ? stateLabel(profile.data.state) : null;
  return (
    <Stack gap="lg">
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`profile-${section.key}`}>
          <Title order={2} size="h4" id={`profile-${section.key}`}>
            {labelForKey(section.key ?? '')}
          </Title>
          {section.instructionText ? (
            <Text size="sm" c="dimmed">
              {section.instructionText}
            </Text>
          ) : null}
          <Table variant="vertical" withTableBorder mt="xs" aria-labelledby={`profile-${section.key}`}>
            <Table.Tbody>
              {(section.fieldList ?? [])
                .filter((f) => f.state !== 'inactive' && f.key)
                .map((field) => (
                  <Table.Tr key={field.key}>
                    <Table.Th w={220}>{fieldLabel(field.key as string)}</Table.Th>
                    <Table.Td>{profileValue(field.key as string, profile.data, group)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </section>
      ))}
      <Text size="xs" c="dimmed">
        {state !== null ? (
          <Trans comment="{stateProperty} is the word for the group's state, {state} its value (Active)">
            Profile version {profileVersion} · {stateProperty}: {state} · modified {modified}
          </Trans>
        ) : (
          <Trans>
            Profile version {profileVersion} · modified {modified}
          </Trans>
        )}
      </Text>
    </Stack>
  );
};
