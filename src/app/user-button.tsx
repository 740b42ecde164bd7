import { Trans, useLingui } from '@lingui/react/macro';
import { Group, Stack, Text, UnstyledButton, VisuallyHidden, type UnstyledButtonProps } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ComponentPropsWithRef } from 'react';
import { getGetOrganizationMeQueryOptions } from '@/api/generated/endpoints/organization/organization';
import { getGetTokenInfoQueryOptions } from '@/api/generated/endpoints/tokens/tokens';
import { useIsSignedIn } from '@/lib/auth';
import { useAfterFirstPaint } from '@/lib/idle';
import { useMe } from '@/lib/permissions';
import classes from './user-button.module.css';

/**
 * Up to two letters for a name: the first of its first two words, or its first two letters when it is
 * one word ("Avery Adams" → "AA", "Kim" → "KI").
 */
export const initialsOf = (name: string): string => {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (
    words.length === 1
      ? words[0]!.slice(0, 2)
      : words
          .map((word) => word[0])
          .join('')
          .slice(0, 2)
  ).toUpperCase();
};

/**
 * The header's user button: avatar, name and organisation. It paints with the first screen; the menu it
 * opens (header-menus.tsx) loads after, and wraps this same button.
 */
export const UserButton = (props: UnstyledButtonProps & ComponentPropsWithRef<'button'>) => {
  const { t } = useLingui();
  const me = useMe();
  const signedIn = useIsSignedIn();
  // The organisation's name (tokens/me) is asked for once the first screen has painted: it is not what
  // the screen is opened for.
  const afterFirstPaint = useAfterFirstPaint();
  const tokenInfo = useQuery({
    ...getGetTokenInfoQueryOptions(),
    staleTime: Infinity,
    enabled: signedIn && afterFirstPaint,
  });
  // A token answer whose organization carries only its id: the name comes from organizations/me.
  const leanOrg = !!tokenInfo.data?.organization?.id && !tokenInfo.data.organization.name;
  const org = useQuery({ ...getGetOrganizationMeQueryOptions(), staleTime: Infinity, enabled: signedIn && leanOrg });
  const orgName = tokenInfo.data?.organization?.name ?? (leanOrg ? org.data?.name : undefined);
  const name =
    me?.name ??
    t({ message: 'you', comment: 'the user menu\'s name when the user\'s name is not known yet: "User menu for you"' });
  // The button is named by its text ("User menu for <name> <org>"), not by an aria-label, so the name always
  // holds the visible text (label in name); the initials are decoration. Phones show the avatar alone.
  return (
    <UnstyledButton mih={44} {...props}>
      <Group gap="xs" wrap="nowrap">
        <span className={classes.initials} aria-hidden>
          {me?.name ? initialsOf(me.name) : null}
        </span>
        {/* One message, so that a language can put the name first ("<1/> のユーザーメニュー"). */}
        <Trans comment="the user button's name: <1/> is the user's name and organization, shown on the button">
          <VisuallyHidden>User menu for</VisuallyHidden>{' '}
          <UserAndOrg name={name} shownName={me?.name} orgName={orgName} />
        </Trans>
        <IconChevronDown size={14} stroke={1.5} aria-hidden />
      </Group>
    </UnstyledButton>
  );
};

/** The user's name and organization: on the button from `sm` up, in its name only on a phone. */
const UserAndOrg = ({ name, shownName, orgName }: { name: string; shownName?: string; orgName?: string }) => (
  <>
    <VisuallyHidden hiddenFrom="sm">
      {name}
      {orgName ? ` ${orgName}` : ''}
    </VisuallyHidden>
    <Stack gap={0} visibleFrom="sm">
      <Text size="sm" fw={500} lh={1.2} data-testid="user-name">
        {shownName ?? '…'}
      </Text>
      {/* A space between name and organisation in the button's name, as they read on screen. */}{' '}
      {orgName ? (
        <Text size="xs" c="dimmed" lh={1.2} data-testid="org-name">
          {orgName}
        </Text>
      ) : null}
    </Stack>
  </>
);
