import { i18n } from '@lingui/core';
import { plural } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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
  countNestedConditions,
  emptyBlock,
  emptyRow,
  OPERATION_LABELS,
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
  const { t } = useLingui();
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

  const previewError = preview.isError ? describeError(preview.error) : '';
  const userCount = preview.data?.userCount ?? 0;
  const matching = preview.isFetching
    ? t`${userCount} people match these rules (updating…).`
    : t`${userCount} people match these rules.`;

  return (
    <Stack gap="sm">
      {blocks.map((block, i) => {
        const n = i + 1;
        return (
          <Card key={i} withBorder padding="sm" component="fieldset" aria-label={t`Condition ${n}`}>
            <Group justify="space-between" mb="xs">
              <Select
                label={t`Condition ${n} operation`}
                w={200}
                allowDeselect={false}
                value={block.operation}
                onChange={(v) =>
                  setBlock(i, { ...block, operation: (v ?? 'And') as DynamicGroupSkillConditionOperation })
                }
                data={OPERATIONS.map((o) => ({ value: o, label: i18n._(OPERATION_LABELS[o]) }))}
              />
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => setBlocks((bs) => bs.filter((_, j) => j !== i))}
              >
                <Trans>Remove condition {n}</Trans>
              </Button>
            </Group>
            <Stack gap="xs">
              {block.rows.map((row, r) => {
                const skillNumber = r + 1;
                const nested = countNestedConditions(row.childConditions);
                return (
                  <Group key={r} gap="xs" align="flex-end" wrap="wrap">
                    <Select
                      label={t({ message: 'Kind', comment: 'skill rule field: routing skill or language' })}
                      aria-label={t`Kind of condition ${n} skill ${skillNumber}`}
                      w={150}
                      allowDeselect={false}
                      value={row.kind}
                      onChange={(v) => setRow(i, r, { kind: v === 'language' ? 'language' : 'routing' })}
                      data={[
                        { value: 'routing', label: t`Routing skill` },
                        {
                          value: 'language',
                          label: t({ message: 'Language', comment: 'kind of skill: a language skill' }),
                        },
                      ]}
                    />
                    <TextInput
                      label={t({ message: 'Skill', comment: "skill rule field: the skill's name" })}
                      aria-label={t`Skill name of condition ${n} skill ${skillNumber}`}
                      w={200}
                      value={row.skill}
                      onChange={(e) => setRow(i, r, { skill: e.currentTarget.value })}
                    />
                    <Select
                      label={t({ message: 'Comparator', comment: 'skill rule field: at least, at most, equal to…' })}
                      aria-label={t`Comparator of condition ${n} skill ${skillNumber}`}
                      w={170}
                      allowDeselect={false}
                      value={row.comparator}
                      onChange={(v) => setRow(i, r, { comparator: (v ?? 'EqualTo') as DynamicGroupSkillComparator })}
                      data={Object.entries(COMPARATOR_LABELS).map(([value, label]) => ({
                        value,
                        label: i18n._(label),
                      }))}
                    />
                    <NumberInput
                      label={t({ message: 'Proficiency', comment: 'skill rule field: the level, a number' })}
                      aria-label={t`Proficiency of condition ${n} skill ${skillNumber}`}
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
                      aria-label={t`Remove condition ${n} skill ${skillNumber}`}
                      onClick={() => setBlock(i, { ...block, rows: block.rows.filter((_, k) => k !== r) })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                    {nested ? (
                      <Text size="xs" c="dimmed" w="100%">
                        {plural(nested, {
                          one: 'This skill has # nested condition; they are kept unchanged (edit them through the API).',
                          other:
                            'This skill has # nested conditions; they are kept unchanged (edit them through the API).',
                        })}
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
                <Trans>Add skill to condition {n}</Trans>
              </Button>
            </Stack>
          </Card>
        );
      })}
      <Button
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={() => setBlocks((bs) => [...bs, emptyBlock()])}
        w="fit-content"
      >
        <Trans>Add condition</Trans>
      </Button>
      <Text size="sm" role="status" aria-live="polite">
        {problem
          ? problem
          : preview.isError
            ? t`Preview failed: ${previewError}`
            : preview.data
              ? matching
              : t`Counting matching people…`}
      </Text>
      {save.error ? (
        <Alert color="red" role="alert" title={t`Could not save the rules`}>
          {describeError(save.error)}
          <ErrorReference error={save.error} />
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} disabled={save.isPending}>
          <Trans>Cancel</Trans>
        </Button>
        <Button
          disabled={!!problem}
          loading={save.isPending}
          onClick={() => save.mutate({ groupId, data: query }, { onSuccess: onDone })}
        >
          <Trans>Save rules</Trans>
        </Button>
      </Group>
    </Stack>
  );
};
