import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** A save error that belongs to no single field. */
export const FormErrorAlert = ({ message }: { message: string | null }) =>
  message ? (
    <Alert color="red" icon={<IconAlertCircle size={18} />} title="The group was not saved" role="alert">
      {message}
    </Alert>
  ) : null;
