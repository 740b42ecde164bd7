import { Trans, useLingui } from '@lingui/react/macro';
import { Button, CopyButton, Group, Stack, Table, Text } from '@mantine/core';
import { Modal } from '@/components/dialogs/dialogs';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getGetOrganizationMeQueryOptions } from '@/api/generated/endpoints/organization/organization';
import { getGetTokenInfoQueryOptions } from '@/api/generated/endpoints/tokens/tokens';
import { serverVersionQueryOptions } from '@/api/server-version';
import { describeError } from '@/components/feedback/query-error-alert';
import { BUILD_INFO } from '@/config/build-info';
import { useIsSignedIn } from '@/lib/auth';
import { useEnvironment } from '@/lib/environment';
import { useMe } from '@/lib/permissions';
import { aboutRows, aboutText, isEmbedded } from './about-details';

export interface AboutDialogProps {
  opened: boolean;
  onClose: () => void;
}

/**
 * "About Groups Console" (the user menu): the console's version and commit, the API it talks to (the
 * embedded server's GET /version; a real org's region and API host) and the signed-in user's org, with
 * "Copy details" for a support ticket.
 */
export const AboutDialog = ({ opened, onClose }: AboutDialogProps) => {
  const { t } = useLingui();
  const environment = useEnvironment();
  const signedIn = useIsSignedIn();
  const me = useMe();
  const embedded = isEmbedded(environment);
  // Only the embedded server has /version; a real org is never asked.
  const server = useQuery({ ...serverVersionQueryOptions(), enabled: opened && embedded });
  const tokenInfo = useQuery({ ...getGetTokenInfoQueryOptions(), staleTime: Infinity, enabled: opened && signedIn });
  // A token answer whose organization carries only its id: the name comes from organizations/me.
  const leanOrg = !!tokenInfo.data?.organization?.id && !tokenInfo.data.organization.name;
  const org = useQuery({
    ...getGetOrganizationMeQueryOptions(),
    staleTime: Infinity,
    enabled: opened && signedIn && leanOrg,
  });

  const serverError = server.isError ? describeError(server.error) : undefined;
  const rows = aboutRows({
    build: BUILD_INFO,
    environment,
    origin: window.location.origin,
    server: server.data,
    serverError: serverError === undefined ? undefined : t`Could not be read: ${serverError}`,
    organization: {
      id: tokenInfo.data?.organization?.id ?? org.data?.id,
      name: tokenInfo.data?.organization?.name ?? org.data?.name,
    },
    user: me ? { name: me.name, email: me.email } : undefined,
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t`About Groups Console`} centered size="lg">
      <Stack>
        <Table
          variant="vertical"
          layout="fixed"
          withTableBorder
          aria-label={t`About Groups Console`}
          data-testid="about-table"
        >
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row" w={160}>
                  {row.label}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid={`about-${row.key}`}>
                  {row.value}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm">
          <Trans>Quote these details, and an error&apos;s reference, when you ask for support.</Trans>
        </Text>
        <Group justify="flex-end">
          <CopyButton value={aboutText(rows)} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                data-autofocus
                variant="light"
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                onClick={copy}
              >
                {copied ? t`Details copied` : t`Copy details`}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose}>
            <Trans comment="a button that closes the About dialog">Close</Trans>
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
