import { i18n } from '@lingui/core';
import { Trans, useLingui } from '@lingui/react/macro';
import { Button, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DynamicGroupDefinition } from '@/api/generated/model/dynamicGroupDefinition';
import { confirmAction } from '@/components/feedback/confirm';
import { EmptyState } from '@/components/feedback/empty-state';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { useRemoveRulesMutation } from '../core/group-mutations';
import { describeBlock, OPERATION_LABELS, toBlocks } from './rule-model';
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

/** An operation in words; an operation the console does not know, as the API gives it. */
const operationLabel = (operation: string): string => {
  const label = OPERATION_LABELS[operation as keyof typeof OPERATION_LABELS];
  return label ? i18n._(label) : operation;
};

/** The group's dynamic membership rules, with an editor for those who may edit. */
export const RulesTab = ({ groupId, rules, error, onRetry, canEdit, canDelete }: RulesTabProps) => {
  const { t } = useLingui();
  const [editing, setEditing] = useState(false);
  const remove = useRemoveRulesMutation(groupId);

  if (error) return <QueryErrorAlert error={error} onRetry={onRetry} title={t`Could not load the rules`} />;
  if (rules === undefined) return <Skeleton height={120} role="status" aria-label={t`Loading rules`} />;
  if (editing) return <RulesEditor groupId={groupId} initial={rules?.query} onDone={() => setEditing(false)} />;

  if (rules === null) {
    return (
      <EmptyState
        title={t`No rules`}
        description={t`Membership of this group is not set by skill rules.`}
        action={
          canEdit ? (
            <Button onClick={() => setEditing(true)}>
              <Trans>Add rules</Trans>
            </Button>
          ) : undefined
        }
      />
    );
  }

  const blocks = toBlocks(rules.query);
  const confirmRemove = async () => {
    const ok = await confirmAction({
      title: t`Remove the rules?`,
      message: t`People who are members only through these rules will leave the group.`,
      confirmLabel: t`Remove rules`,
      danger: true,
    });
    if (ok) remove.mutate({ groupId });
  };

  const lastChanged = timeInWords(rules.dateModified);

  return (
    <Stack gap="sm">
      <Text size="sm">
        <Trans>People are members when they match these skill conditions:</Trans>
      </Text>
      <List spacing="xs" aria-label={t`Skill conditions`}>
        {blocks.map((b, i) => (
          <List.Item key={i}>
            <Text size="sm">
              <Text span fw={700}>
                {operationLabel(b.operation)}
              </Text>{' '}
              {describeBlock(b) || t`no skills`}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        <Trans>Last changed {lastChanged}</Trans>
      </Text>
      {canEdit || canDelete ? (
        <Group>
          {canEdit ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              <Trans>Edit rules</Trans>
            </Button>
          ) : null}
          {canDelete ? (
            <Button color="red" variant="light" onClick={() => void confirmRemove()} loading={remove.isPending}>
              <Trans>Remove rules</Trans>
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
};
