/** The demo org's personas (contract §5); every one signs in with the password `demo`. */
export const PERSONAS = {
  admin: { email: 'admin@example.com', name: 'Avery Adams' },
  editor: { email: 'editor@example.com', name: 'Elliot Edwards' },
  owner: { email: 'owner@example.com', name: 'Olivia Owens' },
  supervisor: { email: 'supervisor@example.com', name: 'Sofia Sanders' },
} as const;

export type Persona = keyof typeof PERSONAS;

export const PASSWORD = 'demo';
export const CLIENT_ID = 'groups-console';
