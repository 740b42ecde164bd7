import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { describeConflict, GROUP_FIELD_LABELS } from './group-diff';
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
  const { rows, overlapping } = describeConflict(loaded, current, mine);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Someone else changed this group"
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Text size="sm">
          The group was saved by someone else while you were editing (it is now at version {currentVersion}). Your
          changes were not saved.
        </Text>
        <Table withTableBorder withColumnBorders aria-label="Changes since you started editing">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Saved by someone else</Table.Th>
              <Table.Th scope="col">Your edit</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.field} data-field={row.field}>
                <Table.Th scope="row">{row.label}</Table.Th>
                <Table.Td>
                  {row.theyChanged ? (
                    <Stack gap={2}>
                      <Text size="sm">{row.theirs}</Text>
                      <Text size="xs" c="dimmed">
                        was {row.loaded}
                      </Text>
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      unchanged
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {row.iChanged ? (
                    <Text size="sm">{row.mine}</Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      unchanged
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {overlapping.length > 0 && (
          <Alert color="yellow" title="Both of you changed the same fields">
            <Group gap="xs">
              {overlapping.map((field) => (
                <Badge key={field} variant="light" color="yellow">
                  {GROUP_FIELD_LABELS[field]}
                </Badge>
              ))}
            </Group>
            <Text size="sm" mt="xs">
              Re-applying your changes replaces their values of these fields with yours.
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onReload} disabled={busy}>
            Reload
          </Button>
          <Button onClick={onReapply} loading={busy}>
            Re-apply my changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
