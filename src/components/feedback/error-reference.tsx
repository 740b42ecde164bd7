import { Trans, useLingui } from '@lingui/react/macro';
import { ActionIcon, CopyButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { apiTextOf, correlationIdOf } from '@/api/errors';
import { BUILD_INFO, describeBuild } from '@/config/build-info';

export interface ErrorReferenceProps {
  /** The error shown: its correlation id (an ApiError's) is the reference. */
  error: unknown;
  /** Centre the lines (error pages). */
  center?: boolean;
}

/**
 * What the API itself said about an error the console words in its own terms (apiTextOf): a closed
 * "Details" line that opens on the API's text, which may say more (which field, which limit), in the
 * API's language.
 */
const ApiText = ({ text, center }: { text: string; center: boolean }) => (
  <Text component="details" size="xs" ta={center ? 'center' : undefined} data-testid="error-api-text">
    <Text component="summary" size="xs" style={{ cursor: 'pointer' }}>
      <Trans comment="a closed line under an error: opens on the server's own message">Details from the server</Trans>
    </Text>
    <Text span size="xs" style={{ overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  </Text>
);

/**
 * What a user quotes when reporting an error: "Reference: <correlation id>" with a button that copies
 * it, and the console's version; above them, the API's own text of the error when the console worded it
 * itself. Every error notification, inline error and error page shows it.
 */
export const ErrorReference = ({ error, center = false }: ErrorReferenceProps) => {
  const { t } = useLingui();
  const reference = correlationIdOf(error);
  const apiText = apiTextOf(error);
  const version = describeBuild(BUILD_INFO);
  return (
    <Stack gap={0} align={center ? 'center' : 'flex-start'} data-testid="error-reference">
      {apiText ? <ApiText text={apiText} center={center} /> : null}
      {reference ? (
        <Group gap={4} wrap="nowrap" justify={center ? 'center' : 'flex-start'}>
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            <Trans>
              Reference: <span data-testid="error-reference-id">{reference}</span>
            </Trans>
          </Text>
          <CopyButton value={reference} timeout={2000}>
            {({ copied, copy }) => (
              <>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  size="sm"
                  aria-label={t`Copy reference`}
                  onClick={copy}
                >
                  {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                </ActionIcon>
                <Text size="xs" role="status" aria-live="polite">
                  {copied ? t`Copied` : ''}
                </Text>
              </>
            )}
          </CopyButton>
        </Group>
      ) : null}
      <Text size="xs">
        <Trans comment="the product's name, then its version and build">Groups Console {version}</Trans>
      </Text>
    </Stack>
  );
};

/** A notification's message: what went wrong, then the reference. */
export const ErrorMessage = ({ text, error }: { text: ReactNode; error: unknown }) => (
  <Stack gap={4}>
    <span>{text}</span>
    <ErrorReference error={error} />
  </Stack>
);

export interface ErrorNotification {
  title: string;
  /** What went wrong, in words. */
  text: string;
  error: unknown;
  /** Replaces a notification of the same id instead of stacking a new one. */
  id?: string;
  /** Stays until dismissed: the failure of an action the user started and may not see otherwise. */
  persistent?: boolean;
}

/** Shows an error notification with the error's reference; the one way the console notifies errors. */
export const showErrorNotification = ({ title, text, error, id, persistent = false }: ErrorNotification): void => {
  notifications.show({
    ...(id ? { id } : {}),
    color: 'red',
    title,
    message: <ErrorMessage text={text} error={error} />,
    // Time to read and copy the reference.
    autoClose: persistent ? false : correlationIdOf(error) ? 15_000 : 6_000,
  });
};
