import { Trans, useLingui } from '@lingui/react/macro';
import { CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useId } from 'react';
import { SegmentedChoice } from '@/components/controls/segmented-choice';
import { useCommittedText } from '@/lib/use-committed-text';
import { MAX_QUERY_LENGTH, type MatchMode } from '../list-url-state';

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

export interface GroupSearchBoxProps {
  /** The search text in the URL. */
  query: string;
  match: MatchMode;
  onQueryChange: (query: string) => void;
  onMatchChange: (match: MatchMode) => void;
}

/**
 * The search text (committed to the URL after a pause in typing) and the match mode. The text box
 * keeps what is typed while a search is on its way, and follows the URL when it changes from
 * elsewhere (Back, "Clear search and filters").
 */
export const GroupSearchBox = ({ query, match, onQueryChange, onMatchChange }: GroupSearchBoxProps) => {
  const { t } = useLingui();
  const matchLabelId = useId();
  const matchOptions: { value: MatchMode; label: string }[] = [
    { value: 'contains', label: t({ message: 'Contains', comment: 'search match mode: the text anywhere' }) },
    { value: 'startsWith', label: t({ message: 'Starts with', comment: 'search match mode: the text at the start' }) },
  ];
  const { input, change, clear, onKeyDown } = useCommittedText(
    query,
    onQueryChange,
    SEARCH_DEBOUNCE_MS,
    MAX_QUERY_LENGTH,
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t`Search groups`}
        placeholder={t`Name or description`}
        type="search"
        value={input}
        maxLength={MAX_QUERY_LENGTH}
        onChange={(event) => change(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={input ? <CloseButton size="sm" aria-label={t`Clear search text`} onClick={clear} /> : null}
        style={{ flex: '1 1 260px', minWidth: 220 }}
      />
      <Stack gap={4}>
        <Text id={matchLabelId} size="sm" fw={500} component="span">
          <Trans comment="label of the search match mode (contains or starts with)">Match</Trans>
        </Text>
        <SegmentedChoice aria-labelledby={matchLabelId} data={matchOptions} value={match} onChange={onMatchChange} />
      </Stack>
    </Group>
  );
};
