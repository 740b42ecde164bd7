import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { describeConflict, groupFieldLabel } from './group-diff';
import type { GroupFormValues } from './group-schema';

export interface ConflictDialogProps {
  opened: boolean;
  /** The values when the edit started. */
  loaded: GroupFormValues;
  /** The server's current values (saved by someone else). */
  current: GroupFormValues;
  /** Who saved them, when known. */
  currentVersion: number;
  /** The user's values. */
  mine: GroupFormValues;
  busy?: boolean;
  onReload: () => void;
  onReapply: () => void;
  onClose: () => void;
}

/**
 * A save refused because someone else saved the group first: their changes side by side with
 * the user's, then either reload (discard the user's edits) or re-apply them to the new version.
 */
export const ConflictDialog = ({
  opened,
  loaded,
  current,
  currentVersion,
  mine,
  busy = false,
  onReload,
  onReapply,
  onClose,
}: ConflictDialogProps) => {
  const { t } = useLingui();
  const { rows, overlapping } = describeConflict(loaded, current, mine);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t`Someone else changed this group`}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': t`Close` }}
    >
      <Stack>
        <Text size="sm">
          <Trans>
            The group was saved by someone else while you were editing (it is now at version {currentVersion}). Your
            changes were not saved.
          </Trans>
        </Text>
        <Table withTableBorder withColumnBorders aria-label={t`Changes since you started editing`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <Trans comment="column header: the fields of the group">Field</Trans>
              </Table.Th>
              <Table.Th scope="col">
                <Trans comment="column header: the values another person saved">Saved by someone else</Trans>
              </Table.Th>
              <Table.Th scope="col">
                <Trans comment="column header: the values the user entered">Your edit</Trans>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const loadedValue = row.loaded;
              return (
                <Table.Tr key={row.field} data-field={row.field}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  <Table.Td>
                    {row.theyChanged ? (
                      <Stack gap={2}>
                        <Text size="sm">{row.theirs}</Text>
                        <Text size="xs" c="dimmed">
                          <Trans comment="the value of a field before the other person's change">
                            was {loadedValue}
                          </Trans>
                        </Text>
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        <Trans comment="a field's value that this side did not change">unchanged</Trans>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {row.iChanged ? (
                      <Text size="sm">{row.mine}</Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        <Trans comment="a field's value that this side did not change">unchanged</Trans>
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {overlapping.length > 0 && (
          <Alert color="yellow" title={t`Both of you changed the same fields`}>
            <Group gap="xs">
              {overlapping.map((field) => (
                <Badge key={field} variant="light" color="yellow">
                  {groupFieldLabel(field)}
                </Badge>
              ))}
            </Group>
            <Text size="sm" mt="xs">
              <Trans>Re-applying your changes replaces their values of these fields with yours.</Trans>
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onReload} disabled={busy}>
            <Trans>Reload</Trans>
          </Button>
          <Button onClick={onReapply} loading={busy}>
            <Trans>Re-apply my changes</Trans>
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
