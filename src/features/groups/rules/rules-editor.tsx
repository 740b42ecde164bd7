import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { usePreviewDynamicGroup } from '@/api/generated/endpoints/groups/groups';
import type { DynamicGroupQuery } from '@/api/generated/model/dynamicGroupQuery';
import type { DynamicGroupSkillComparator } from '@/api/generated/model/dynamicGroupSkillComparator';
import type { DynamicGroupSkillConditionOperation } from '@/api/generated/model/dynamicGroupSkillConditionOperation';
import { describeError } from '@/components/feedback/query-error-alert';
import { useSaveRulesMutation } from '../core/group-mutations';
import {
  COMPARATOR_LABELS,
  describeNested,
  emptyBlock,
  emptyRow,
  OPERATIONS,
  PROFICIENCY,
  toBlocks,
  toQuery,
  validateBlocks,
  type ConditionBlock,
  type SkillRow,
} from './rule-model';
import { ErrorReference } from '@/components/feedback/error-reference';

export interface RulesEditorProps {
  groupId: string;
  initial: DynamicGroupQuery | undefined;
  onDone: () => void;
}

/** Edits the skill conditions, previews how many people match (debounced), then saves. */
export const RulesEditor = ({ groupId, initial, onDone }: RulesEditorProps) => {
  const [blocks, setBlocks] = useState<ConditionBlock[]>(() => (initial ? toBlocks(initial) : [emptyBlock()]));
  const problem = validateBlocks(blocks);
  const query = useMemo(() => toQuery(blocks), [blocks]);
  const [debouncedQuery] = useDebouncedValue(query, 400);
  const debouncedValid = validateBlocks(toBlocks(debouncedQuery)) === null;
  const preview = usePreviewDynamicGroup(debouncedQuery, {
    query: { enabled: debouncedValid, placeholderData: keepPreviousData, staleTime: 30_000 },
  });
  const save = useSaveRulesMutation(groupId);

  const setBlock = (i: number, next: ConditionBlock) => setBlocks((bs) => bs.map((b, j) => (j === i ? next : b)));
  const setRow = (i: number, r: number, change: Partial<SkillRow>) =>
    setBlock(i, { ...blocks[i]!, rows: blocks[i]!.rows.map((row, k) => (k === r ? { ...row, ...change } : row)) });

  return (
    <Stack gap="sm">
      {blocks.map((block, i) => (
        <Card key={i} withBorder padding="sm" component="fieldset" aria-label={`Condition ${i + 1}`}>
          <Group justify="space-between" mb="xs">
            <Select
              label={`Condition ${i + 1} operation`}
              w={200}
              allowDeselect={false}
              value={block.operation}
              onChange={(v) =>
                setBlock(i, { ...block, operation: (v ?? 'And') as DynamicGroupSkillConditionOperation })
              }
              data={OPERATIONS.map((o) => ({ value: o, label: o }))}
            />
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={() => setBlocks((bs) => bs.filter((_, j) => j !== i))}
            >
              Remove condition {i + 1}
            </Button>
          </Group>
          <Stack gap="xs">
            {block.rows.map((row, r) => {
              const name = `condition ${i + 1} skill ${r + 1}`;
              return (
                <Group key={r} gap="xs" align="flex-end" wrap="wrap">
                  <Select
                    label="Kind"
                    aria-label={`Kind of ${name}`}
                    w={150}
                    allowDeselect={false}
                    value={row.kind}
                    onChange={(v) => setRow(i, r, { kind: v === 'language' ? 'language' : 'routing' })}
                    data={[
                      { value: 'routing', label: 'Routing skill' },
                      { value: 'language', label: 'Language' },
                    ]}
                  />
                  <TextInput
                    label="Skill"
                    aria-label={`Skill name of ${name}`}
                    w={200}
                    value={row.skill}
                    onChange={(e) => setRow(i, r, { skill: e.currentTarget.value })}
                  />
                  <Select
                    label="Comparator"
                    aria-label={`Comparator of ${name}`}
                    w={170}
                    allowDeselect={false}
                    value={row.comparator}
                    onChange={(v) => setRow(i, r, { comparator: (v ?? 'EqualTo') as DynamicGroupSkillComparator })}
                    data={Object.entries(COMPARATOR_LABELS).map(([value, label]) => ({ value, label }))}
                  />
                  <NumberInput
                    label="Proficiency"
                    aria-label={`Proficiency of ${name}`}
                    w={110}
                    min={PROFICIENCY.minimum}
                    max={PROFICIENCY.maximum}
                    allowDecimal={false}
                    value={row.proficiency}
                    onChange={(v) => setRow(i, r, { proficiency: typeof v === 'number' ? v : Number(v) || 0 })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${name}`}
                    onClick={() => setBlock(i, { ...block, rows: block.rows.filter((_, k) => k !== r) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                  {row.childConditions?.length ? (
                    <Text size="xs" c="dimmed" w="100%">
                      {`This skill has ${describeNested(row)}; they are kept unchanged (edit them through the API).`}
                    </Text>
                  ) : null}
                </Group>
              );
            })}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setBlock(i, { ...block, rows: [...block.rows, emptyRow()] })}
              w="fit-content"
            >
              Add skill to condition {i + 1}
            </Button>
          </Stack>
        </Card>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => setBlocks((bs) => [...bs, emptyBlock()])}
        w="fit-content"
      >
        Add condition
      </Button>
      <Text size="sm" role="status" aria-live="polite">
        {problem
          ? problem
          : preview.isError
            ? `Preview failed: ${describeError(preview.error)}`
            : preview.data
              ? `${preview.data.userCount ?? 0} people match these rules${preview.isFetching ? ' (updating…)' : ''}.`
              : 'Counting matching people…'}
      </Text>
      {save.error ? (
        <Alert color="red" role="alert" title="Could not save the rules">
          {describeError(save.error)}
          <ErrorReference error={save.error} />
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
        <Button
          disabled={!!problem}
          loading={save.isPending}
          onClick={() => save.mutate({ groupId, data: query }, { onSuccess: onDone })}
        >
          Save rules
        </Button>
      </Group>
    </Stack>
  );
};
