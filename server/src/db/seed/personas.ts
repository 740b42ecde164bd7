/**
 * The sign-in personas, their roles and the named fixture groups of the demo org.
 * Ids are fixed so tests and end-to-end journeys can refer to them.
 */

export const PERSONA_PASSWORD = 'demo';

export interface RoleSeed {
  id: string;
  name: string;
  description: string;
  permissions: readonly string[];
}

/** Roles of the org. Personas get theirs below; other users get Employee plus one of the work roles. */
export const ROLES = {
  groupAdministrator: {
    id: '7b1c2d3e-0001-4f00-8a00-00000000a001',
    name: 'Group Administrator',
    description: 'Creates, edits, deletes and views every group, including private ones.',
    permissions: [
      'directory:group:add',
      'directory:group:edit',
      'directory:group:delete',
      'directory:group:view',
      'directory:privateGroup:view',
      'directory:user:view',
    ],
  },
  groupEditor: {
    id: '7b1c2d3e-0002-4f00-8a00-00000000a002',
    name: 'Group Editor',
    description: 'Edits groups and their membership.',
    permissions: ['directory:group:edit', 'directory:user:view'],
  },
  employee: {
    id: '7b1c2d3e-0003-4f00-8a00-00000000a003',
    name: 'Employee',
    description: 'Every member of the org: looks people up in the directory.',
    permissions: ['directory:user:view'],
  },
  agent: {
    id: '7b1c2d3e-0004-4f00-8a00-00000000a004',
    name: 'Contact Center Agent',
    description: 'Takes interactions from queues.',
    permissions: ['conversation:communication:accept', 'routing:queue:join', 'routing:skill:view', 'chat:chat:access'],
  },
  supervisor: {
    id: '7b1c2d3e-0005-4f00-8a00-00000000a005',
    name: 'Contact Center Supervisor',
    description: 'Monitors queues and agents.',
    permissions: [
      'analytics:queueObservation:view',
      'analytics:userObservation:view',
      'quality:evaluation:view',
      'routing:queue:view',
    ],
  },
  communicate: {
    id: '7b1c2d3e-0006-4f00-8a00-00000000a006',
    name: 'Communicate User',
    description: 'Chat, calls and video between colleagues.',
    permissions: ['chat:chat:access', 'conversation:call:add', 'conversation:video:add'],
  },
  reportingViewer: {
    id: '7b1c2d3e-0007-4f00-8a00-00000000a007',
    name: 'Reporting Viewer',
    description: 'Reads dashboards and reports (assigned but granting nothing in use for most users).',
    permissions: ['analytics:dashboards:view', 'analytics:reportingSettings:view'],
  },
  auditViewer: {
    id: '7b1c2d3e-0008-4f00-8a00-00000000a008',
    name: 'Audit Viewer',
    description: 'Reads the change history (audit records) of the org.',
    permissions: ['audits:audit:view'],
  },
  /** Like a real org's built-in admin role: wildcards only, no exact directory permission. */
  orgAdministrator: {
    id: '7b1c2d3e-0009-4f00-8a00-00000000a009',
    name: 'Org Administrator',
    description:
      'Everything in the directory, the audit log and authorization (roles and grants), granted with wildcards.',
    permissions: ['directory:*:*', 'audits:*:*', 'authorization:*:*'],
  },
  /** Granted to nobody directly: the demo's "Directory Auditors" group grants it (over the home division). */
  directoryAuditor: {
    id: '7b1c2d3e-000a-4f00-8a00-00000000a00a',
    name: 'Directory Auditor',
    description: 'Reads the directory, its private groups and its change history, and who is granted which role.',
    permissions: [
      'directory:group:view',
      'directory:privateGroup:view',
      'audits:audit:view',
      'authorization:grant:view',
      'authorization:role:view',
    ],
  },
} as const satisfies Record<string, RoleSeed>;

export type PersonaKey = 'admin' | 'editor' | 'owner' | 'supervisor' | 'wildcard';

export interface Persona {
  key: PersonaKey;
  id: string;
  name: string;
  email: string;
  title: string;
  department: string;
  /** Role keys from ROLES. */
  roles: ReadonlyArray<keyof typeof ROLES>;
  /** The permissions these roles grant, for convenience in tests. */
  permissions: readonly string[];
}

export const PERSONAS: Readonly<Record<PersonaKey, Persona>> = {
  admin: {
    key: 'admin',
    id: '5e0f6a10-0001-4a00-8a00-000000000001',
    name: 'Avery Adams',
    email: 'admin@example.com',
    title: 'Directory Administrator',
    department: 'IT',
    roles: ['groupAdministrator', 'auditViewer'],
    permissions: [...ROLES.groupAdministrator.permissions, ...ROLES.auditViewer.permissions].sort(),
  },
  editor: {
    key: 'editor',
    id: '5e0f6a10-0002-4a00-8a00-000000000002',
    name: 'Elliot Edwards',
    email: 'editor@example.com',
    title: 'Customer Care Manager',
    department: 'Customer Care',
    roles: ['groupEditor'],
    permissions: [...ROLES.groupEditor.permissions].sort(),
  },
  owner: {
    key: 'owner',
    id: '5e0f6a10-0003-4a00-8a00-000000000003',
    name: 'Olivia Owens',
    email: 'owner@example.com',
    title: 'Customer Care Team Lead',
    department: 'Customer Care',
    roles: ['employee'],
    permissions: ['directory:user:view'],
  },
  supervisor: {
    key: 'supervisor',
    id: '5e0f6a10-0004-4a00-8a00-000000000004',
    name: 'Sofia Sanders',
    email: 'supervisor@example.com',
    title: 'Customer Care Supervisor',
    department: 'Customer Care',
    roles: ['employee'],
    permissions: ['directory:user:view'],
  },
  wildcard: {
    key: 'wildcard',
    id: '5e0f6a10-0005-4a00-8a00-000000000005',
    name: 'Wren Wilder',
    email: 'orgadmin@example.com',
    title: 'Org Administrator',
    department: 'IT',
    roles: ['orgAdministrator'],
    permissions: [...ROLES.orgAdministrator.permissions].sort(),
  },
};

export interface DemoGroup {
  id: string;
  name: string;
}

/** Named groups of the demo org with fixed ids. */
export const DEMO_GROUPS = {
  /** Official, public; every active user (≥ 1,500 members). */
  allStaff: { id: '9c3d4e5f-0001-4b00-9a00-000000000001', name: 'All Staff' },
  /** Official, public; owned by the owner persona (includeOwners). */
  ownedByOwner: { id: '9c3d4e5f-0002-4b00-9a00-000000000002', name: 'Customer Care Escalations' },
  /** Official, members-only; the supervisor is a member, the owner persona owns it. */
  membersOnlyWithSupervisor: { id: '9c3d4e5f-0003-4b00-9a00-000000000003', name: 'Contact Center Supervisors' },
  /** Official, members-only; neither the supervisor nor the owner persona belongs to it. */
  membersOnlyWithoutSupervisor: { id: '9c3d4e5f-0004-4b00-9a00-000000000004', name: 'Executive Leadership Team' },
  /** Official, owners-only; owned by the owner persona (and one other user). */
  ownersOnly: { id: '9c3d4e5f-0005-4b00-9a00-000000000005', name: 'Refund Approvals Board' },
  /** Official, public, with dynamic settings: Spanish language skill ≥ 3. */
  dynamic: { id: '9c3d4e5f-0006-4b00-9a00-000000000006', name: 'Spanish Speaking Agents' },
  /** Official, public, 10 individual members; owned by the owner persona; for membership edits. */
  small: { id: '9c3d4e5f-0007-4b00-9a00-000000000007', name: 'New Hire Onboarding Cohort' },
  /** Social, public. */
  social: { id: '9c3d4e5f-0008-4b00-9a00-000000000008', name: 'Lunchtime Running Club' },
  /** Official, public, dynamic settings with rulesVisible false: Escalations routing skill ≥ 4. */
  dynamicRulesHidden: { id: '9c3d4e5f-0009-4b00-9a00-000000000009', name: 'Escalation Specialists' },
  /** Social, members-only; the supervisor is a member. */
  socialMembersOnly: { id: '9c3d4e5f-000a-4b00-9a00-00000000000a', name: 'Supervisors Book Club' },
  /**
   * Official, public, rolesEnabled: grants Group Editor over every division to its members (the editor
   * persona, who holds the role anyway, and a few people who gain it only here).
   */
  groupAdministrators: { id: '9c3d4e5f-000b-4b00-9a00-00000000000b', name: 'Group Administrators' },
  /** Official, members-only, rolesEnabled: grants Directory Auditor over the home division. */
  directoryAuditors: { id: '9c3d4e5f-000c-4b00-9a00-00000000000c', name: 'Directory Auditors' },
  /** Official, public, rolesEnabled false: granting it a role answers 400. */
  rolesDisabled: { id: '9c3d4e5f-000d-4b00-9a00-00000000000d', name: 'Facilities Volunteers' },
} as const satisfies Record<string, DemoGroup>;

/** Named groups of the large (benchmark) org. */
export const LARGE_GROUPS = {
  /** Every active user (≥ 50,000 members). */
  huge: { id: '4b5c6d7e-0001-4c00-8b00-000000000001', name: 'All Staff' },
  /** Exactly 500 members. */
  fiveHundred: { id: '4b5c6d7e-0002-4c00-8b00-000000000002', name: 'Regional Support Pool' },
} as const satisfies Record<string, DemoGroup>;
