import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFirstScreenShown } from '@/lib/idle';

export interface StatusPageProps {
  title: string;
  /** e.g. "404" or an icon */
  code?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  loading?: boolean;
  /** Small print below the actions, e.g. an error's reference (ErrorReference). */
  details?: ReactNode;
}

/** A centred message filling the page area: errors, "Signing you in…", signed out. */
export const StatusPage = ({ title, code, description, actions, loading = false, details }: StatusPageProps) => {
  // A loading page is not the first screen yet; an error or a signed-out page is.
  useFirstScreenShown(!loading);
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={560} ta="center">
        {loading ? <Loader aria-hidden /> : null}
        {code ? (
          <Text c="dimmed" fw={700} fz={48} lh={1} aria-hidden>
            {code}
          </Text>
        ) : null}
        <Title order={1} fz="h2">
          {title}
        </Title>
        {description ? <Text c="dimmed">{description}</Text> : null}
        {actions}
        {details}
      </Stack>
    </Center>
  );
};
