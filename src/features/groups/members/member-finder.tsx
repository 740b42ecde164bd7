import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { CloseButton, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo } from 'react';
import { useCommittedText } from '@/lib/use-committed-text';
import { useIsPhone } from '@/lib/use-is-phone';
import { MEMBERSHIP_REASONS, parseReason, type MembershipReason } from '../core/membership-reason';
import { MIN_QUERY_LENGTH, SEARCH_DEBOUNCE_MS } from './member-search';

const REASON_PLURALS: Record<MembershipReason, MessageDescriptor> = {
  individual: msg({ message: 'Individuals', comment: 'filter option: members added as individuals' }),
  owner: msg({ message: 'Owners', comment: 'filter option: members in as owners' }),
  rule: msg({ message: 'In by rule', comment: 'filter option: members in by the group’s rules' }),
};

/**
 * Under the reason filter when the rules cannot be read and "In by rule" is worked out from the other
 * reasons (translated where shown: `i18n._(INFERRED_RULE_HINT)`).
 */
export const INFERRED_RULE_HINT: MessageDescriptor = msg`“In by rule” means members not added by hand and not owners: you cannot see this group’s rules.`;

export interface MemberFinderProps {
  /** The search as the URL has it. */
  query: string;
  onQueryChange: (query: string) => void;
  reason: MembershipReason | null;
  onReasonChange: (reason: MembershipReason | null) => void;
  /** Whole-group counts per reason, where known. */
  counts: Partial<Record<MembershipReason, number>>;
  /** "Rule" is inferred (the rules cannot be read). */
  inferred: boolean;
}

/**
 * The members tab's search box (name or email, across the whole group) and its filter by reason. The
 * search is debounced and kept in the URL (`q=`), as is the reason (`why=`).
 */
export const MemberFinder = memo(function MemberFinder({
  query,
  onQueryChange,
  reason,
  onReasonChange,
  counts,
  inferred,
}: MemberFinderProps) {
  const { t } = useLingui();
  const isPhone = useIsPhone();
  const { input: text, change, clear, onKeyDown } = useCommittedText(query, onQueryChange, SEARCH_DEBOUNCE_MS);

  const withCount = (r: MembershipReason) => {
    const reason = i18n._(REASON_PLURALS[r]);
    const count = counts[r];
    return count === undefined
      ? reason
      : t({ message: `${reason} (${count})`, comment: 'filter option and how many members it has' });
  };
  const short = text.trim().length > 0 && text.trim().length < MIN_QUERY_LENGTH;

  // The hint reads under both fields, across their width, rather than squeezed under the filter.
  const hint = inferred ? (
    <Text size="xs" c="dimmed">
      {i18n._(INFERRED_RULE_HINT)}
    </Text>
  ) : null;

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          type="search"
          label={t`Find a member`}
          placeholder={t`Name or email`}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => change(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          rightSection={text ? <CloseButton aria-label={t`Clear the search`} size="sm" onClick={clear} /> : null}
          description={
            short
              ? plural(MIN_QUERY_LENGTH, { one: 'Type at least # character', other: 'Type at least # characters' })
              : undefined
          }
          w={isPhone ? undefined : 280}
          style={isPhone ? { flex: 1, minWidth: 0 } : undefined}
        />
        <NativeSelect
          label={t`Why a member`}
          w={isPhone ? 150 : 210}
          value={reason ?? ''}
          onChange={(e) => onReasonChange(parseReason(e.currentTarget.value || null))}
          data={[
            { value: '', label: t`Any reason` },
            ...MEMBERSHIP_REASONS.map((r) => ({ value: r, label: withCount(r) })),
          ]}
        />
      </Group>
      {hint}
    </Stack>
  );
});
