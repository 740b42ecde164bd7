import { Badge, Button, Group, List, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { searchUsers } from '@/api/generated/endpoints/users/users';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert';
import { PASTE_STATUS_LABELS, resolvePasteList, type PasteResolution, type PasteStatus } from './paste-list';

const STATUS_COLOURS: Record<PasteStatus, string> = {
  matched: 'green',
  ambiguous: 'violet',
  notFound: 'red',
  alreadyMember: 'gray',
  inactive: 'orange',
};

export interface PasteListPanelProps {
  groupId: string;
  resolutions: PasteResolution[] | null;
  onResolved: (resolutions: PasteResolution[] | null) => void;
}

/** Paste emails or names, check them, and see how each line resolved before anything is sent. */
export const PasteListPanel = ({ groupId, resolutions, onResolved }: PasteListPanelProps) => {
  const [text, setText] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const check = async () => {
    setChecking(true);
    setError(null);
    try {
      onResolved(await resolvePasteList(text, (request) => searchUsers(request), groupId));
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  };

  const counts = (resolutions ?? []).reduce<Partial<Record<PasteStatus, number>>>((acc, r) => {
    acc[r.status] = (acc[r.status] ?? 0) + 1;
    return acc;
  }, {});

  return (
    <Stack gap="sm">
      <Textarea
        label="Emails or names"
        description="One a line, an address list (Ann Smith <ann@example.com>; …), CSV or cells copied from a spreadsheet. Nothing is added until you confirm: each person is checked first."
        autosize
        minRows={5}
        maxRows={12}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          if (resolutions) onResolved(null);
        }}
      />
      <Group>
        <Button variant="light" onClick={() => void check()} loading={checking} disabled={!text.trim()}>
          Check list
        </Button>
      </Group>
      {error ? <QueryErrorAlert error={error} onRetry={() => void check()} title="Could not check the list" /> : null}
      {resolutions ? (
        <Stack gap="xs">
          <Group gap="xs" aria-label="Summary of the list" role="group">
            {(Object.keys(PASTE_STATUS_LABELS) as PasteStatus[]).map((status) => (
              <Badge key={status} color={STATUS_COLOURS[status]} variant="light" tt="none">
                {PASTE_STATUS_LABELS[status]}: {counts[status] ?? 0}
              </Badge>
            ))}
          </Group>
          <Table aria-label="Checked list" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>Person</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {resolutions.map((r) => (
                <Table.Tr key={r.line.text}>
                  <Table.Td>{r.line.text}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[r.status]} variant="light" tt="none">
                      {PASTE_STATUS_LABELS[r.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.status === 'ambiguous' ? (
                      <List size="xs">
                        {r.candidates.map((u) => (
                          <List.Item key={u.id}>
                            {u.name} ({u.email})
                          </List.Item>
                        ))}
                      </List>
                    ) : r.user ? (
                      <Text size="sm">
                        {r.user.name}{' '}
                        <Text span c="dimmed" size="xs">
                          {r.user.email}
                        </Text>
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        –
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Stack>
  );
};
