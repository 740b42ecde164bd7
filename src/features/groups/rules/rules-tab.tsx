import { Button, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DynamicGroupDefinition } from '@/api/generated/model/dynamicGroupDefinition';
import { confirmAction } from '@/components/feedback/confirm';
import { EmptyState } from '@/components/feedback/empty-state';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { useRemoveRulesMutation } from '../core/group-mutations';
import { describeBlock, toBlocks } from './rule-model';
import { RulesEditor } from './rules-editor';
import { timeInWords } from '../core/group-vocabulary';

export interface RulesTabProps {
  groupId: string;
  /** undefined while loading; null when the group has no rules (404). */
  rules: DynamicGroupDefinition | null | undefined;
  error: unknown;
  onRetry: () => void;
  canEdit: boolean;
  canDelete: boolean;
}

/** The group's dynamic membership rules, with an editor for those who may edit. */
export const RulesTab = ({ groupId, rules, error, onRetry, canEdit, canDelete }: RulesTabProps) => {
  const [editing, setEditing] = useState(false);
  const remove = useRemoveRulesMutation(groupId);

  if (error) return <QueryErrorAlert error={error} onRetry={onRetry} title="Could not load the rules" />;
  if (rules === undefined) return <Skeleton height={120} role="status" aria-label="Loading rules" />;
  if (editing) return <RulesEditor groupId={groupId} initial={rules?.query} onDone={() => setEditing(false)} />;

  if (rules === null) {
    return (
      <EmptyState
        title="No rules"
        description="Membership of this group is not set by skill rules."
        action={canEdit ? <Button onClick={() => setEditing(true)}>Add rules</Button> : undefined}
      />
    );
  }

  const blocks = toBlocks(rules.query);
  const confirmRemove = async () => {
    const ok = await confirmAction({
      title: 'Remove the rules?',
      message: 'People who are members only through these rules will leave the group.',
      confirmLabel: 'Remove rules',
      danger: true,
    });
    if (ok) remove.mutate({ groupId });
  };

  return (
    <Stack gap="sm">
      <Text size="sm">People are members when they match these skill conditions:</Text>
      <List spacing="xs" aria-label="Skill conditions">
        {blocks.map((b, i) => (
          <List.Item key={i}>
            <Text size="sm">
              <Text span fw={700}>
                {b.operation}
              </Text>{' '}
              {describeBlock(b) || 'no skills'}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        Last changed {timeInWords(rules.dateModified)}
      </Text>
      {canEdit || canDelete ? (
        <Group>
          {canEdit ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit rules
            </Button>
          ) : null}
          {canDelete ? (
            <Button color="red" variant="light" onClick={() => void confirmRemove()} loading={remove.isPending}>
              Remove rules
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
};
