import { Text } from '@mantine/core';

/** A confirmation's sentence about the roles people lose, set apart in weight; nothing without one. */
export const RoleLossText = ({ children }: { children: string | null | undefined }) =>
  children ? (
    <Text size="sm" fw={500}>
      {children}
    </Text>
  ) : null;
