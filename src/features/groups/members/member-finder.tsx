import { CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useCommittedText } from '@/lib/use-committed-text';
import { useIsPhone } from '@/lib/use-is-phone';
import { MEMBERSHIP_REASONS, parseReason, type MembershipReason } from '../core/membership-reason';
import { MIN_QUERY_LENGTH, SEARCH_DEBOUNCE_MS } from './member-search';

const REASON_PLURALS: Record<MembershipReason, string> = {
  individual: 'Individuals',
  owner: 'Owners',
  rule: 'In by rule',
};

/** Under the reason filter when the rules cannot be read and "In by rule" is worked out from the other reasons. */
export const INFERRED_RULE_HINT =
  '“In by rule” means members not added by hand and not owners: you cannot see this group’s rules.';

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
export const MemberFinder = ({ query, onQueryChange, reason, onReasonChange, counts, inferred }: MemberFinderProps) => {
  const isPhone = useIsPhone();
  const { input: text, change, clear, onKeyDown } = useCommittedText(query, onQueryChange, SEARCH_DEBOUNCE_MS);

  const withCount = (r: MembershipReason) =>
    counts[r] === undefined ? REASON_PLURALS[r] : `${REASON_PLURALS[r]} (${counts[r]})`;
  const short = text.trim().length > 0 && text.trim().length < MIN_QUERY_LENGTH;

  // The hint reads under both fields, across their width, rather than squeezed under the filter.
  const hint = inferred ? (
    <Text size="xs" c="dimmed">
      {INFERRED_RULE_HINT}
    </Text>
  ) : null;

  return (
    <Stack gap={4}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          type="search"
          label="Find a member"
          placeholder="Name or email"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => change(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          rightSection={text ? <CloseButton aria-label="Clear the search" size="sm" onClick={clear} /> : null}
          description={short ? `Type at least ${MIN_QUERY_LENGTH} characters` : undefined}
          w={isPhone ? undefined : 280}
          style={isPhone ? { flex: 1, minWidth: 0 } : undefined}
        />
        <Select
          label="Why a member"
          w={isPhone ? 150 : 210}
          clearable
          placeholder="Any reason"
          value={reason}
          onChange={(v) => onReasonChange(parseReason(v))}
          data={MEMBERSHIP_REASONS.map((r) => ({ value: r, label: withCount(r) }))}
          comboboxProps={{ withinPortal: true, keepMounted: false }}
        />
      </Group>
      {hint}
    </Stack>
  );
};
