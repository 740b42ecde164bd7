import { Trans, useLingui } from '@lingui/react/macro';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';

/** Says that the form's values came back from an unsaved draft, with a way to drop them. */
export const DraftNotice = ({ onDiscard }: { onDiscard: () => void }) => {
  const { t } = useLingui();
  return (
    <Alert color="blue" icon={<IconRestore size={18} />} title={t`Unsaved draft restored`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          <Trans>Your unsaved changes from earlier were put back into this form.</Trans>
        </Text>
        <Button size="xs" variant="light" onClick={onDiscard}>
          <Trans>Discard draft</Trans>
        </Button>
      </Group>
    </Alert>
  );
};
