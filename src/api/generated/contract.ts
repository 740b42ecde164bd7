/**
 * Generated from openapi/groups.yaml by scripts/generate-contract.mjs. Do not edit: run `npm run generate`.
 */

/** Every permission name the contract uses. */
export const PERMISSION_NAMES = [
  'audits:audit:view',
  'authorization:grant:add',
  'authorization:grant:delete',
  'authorization:grant:view',
  'authorization:role:view',
  'directory:group:add',
  'directory:group:delete',
  'directory:group:edit',
  'directory:group:view',
  'directory:privateGroup:view',
  'directory:user:view',
  'presence:userPresence:edit',
] as const;

export type PermissionName = (typeof PERMISSION_NAMES)[number];

export interface OperationPermissions {
  /** Any one of these is enough (`x-permissions`); empty when the operation needs none. */
  readonly permissions: readonly PermissionName[];
  /** An owner of the group may call the operation without the permissions (`x-group-owner-allowed`). */
  readonly groupOwnerAllowed: boolean;
}

/** What each operation (by operationId) requires. */
export const OPERATION_PERMISSIONS = {
  addGroupMembers: {
    permissions: ['directory:group:edit'],
    groupOwnerAllowed: true,
  },
  createAuditQuery: {
    permissions: ['audits:audit:view'],
    groupOwnerAllowed: false,
  },
  createGroup: {
    permissions: ['directory:group:add'],
    groupOwnerAllowed: false,
  },
  deleteAuthorizationSubjectDivisionRole: {
    permissions: ['authorization:grant:delete'],
    groupOwnerAllowed: false,
  },
  deleteGroup: {
    permissions: ['directory:group:delete'],
    groupOwnerAllowed: false,
  },
  deleteGroupDynamicSettings: {
    permissions: ['directory:group:delete'],
    groupOwnerAllowed: false,
  },
  deleteNotificationsChannelSubscriptions: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getAuditQueryResults: {
    permissions: ['audits:audit:view'],
    groupOwnerAllowed: false,
  },
  getAuditQueryStatus: {
    permissions: ['audits:audit:view'],
    groupOwnerAllowed: false,
  },
  getAuditRealtimeServiceMapping: {
    permissions: ['audits:audit:view'],
    groupOwnerAllowed: false,
  },
  getAuthorizationDivisions: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getAuthorizationDivisionsHome: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getAuthorizationDivisionspermittedPagedMe: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getAuthorizationRole: {
    permissions: ['authorization:role:view'],
    groupOwnerAllowed: false,
  },
  getAuthorizationRoles: {
    permissions: ['authorization:role:view'],
    groupOwnerAllowed: false,
  },
  getAuthorizationRoleSubjectgrants: {
    permissions: ['authorization:role:view'],
    groupOwnerAllowed: false,
  },
  getAuthorizationSubject: {
    permissions: ['authorization:grant:view'],
    groupOwnerAllowed: false,
  },
  getFieldConfig: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getGroup: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getGroupDynamicSettings: {
    permissions: ['directory:group:view'],
    groupOwnerAllowed: false,
  },
  getGroupProfile: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getMe: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getNotificationsAvailabletopics: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getNotificationsChannels: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getNotificationsChannelSubscriptions: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getOrganizationMe: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getTokenInfo: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  getUser: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  headNotificationsChannel: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  listGroupIndividuals: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  listGroupMembers: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  listGroupProfiles: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  listGroups: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  listUsers: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  patchUserPresence: {
    permissions: ['presence:userPresence:edit'],
    groupOwnerAllowed: false,
  },
  postAuthorizationSubjectBulkadd: {
    permissions: ['authorization:grant:add'],
    groupOwnerAllowed: false,
  },
  postAuthorizationSubjectBulkremove: {
    permissions: ['authorization:grant:delete'],
    groupOwnerAllowed: false,
  },
  postAuthorizationSubjectDivisionRole: {
    permissions: ['authorization:grant:add'],
    groupOwnerAllowed: false,
  },
  postNotificationsChannels: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  postNotificationsChannelSubscriptions: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  previewDynamicGroup: {
    permissions: ['directory:group:view', 'directory:group:edit'],
    groupOwnerAllowed: false,
  },
  putNotificationsChannelSubscriptions: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  queryAuditsRealtime: {
    permissions: ['audits:audit:view'],
    groupOwnerAllowed: false,
  },
  queryAuditsRealtimeRelated: {
    permissions: ['audits:audit:view'],
    groupOwnerAllowed: false,
  },
  removeGroupMembers: {
    permissions: ['directory:group:edit'],
    groupOwnerAllowed: true,
  },
  revokeToken: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  searchGroups: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  searchGroupsByQ64: {
    permissions: [],
    groupOwnerAllowed: false,
  },
  searchUsers: {
    permissions: ['directory:user:view'],
    groupOwnerAllowed: false,
  },
  searchUsersByQ64: {
    permissions: ['directory:user:view'],
    groupOwnerAllowed: false,
  },
  updateGroup: {
    permissions: ['directory:group:edit'],
    groupOwnerAllowed: true,
  },
  updateGroupDynamicSettings: {
    permissions: ['directory:group:edit'],
    groupOwnerAllowed: false,
  },
} as const satisfies Record<string, OperationPermissions>;

/** The permission that lets its holders see groups of every visibility (`x-see-all-permissions` of GroupVisibility). */
export const SEE_ALL_GROUPS_PERMISSIONS = ['directory:privateGroup:view'] as const;

/** Length, count and pattern limits of the schemas' properties (patterns as regular expression sources). */
export const SCHEMA_LIMITS = {
  Group: {
    images: {
      maxItems: 10,
    },
    addresses: {
      maxItems: 10,
    },
  },
  GroupCreate: {
    name: {
      minLength: 1,
      maxLength: 256,
    },
    description: {
      maxLength: 4000,
    },
    images: {
      maxItems: 10,
    },
    addresses: {
      maxItems: 10,
    },
    email: {
      maxLength: 320,
      pattern: '^\\s*([^\\s@]+@[^\\s@]+\\.[^\\s@]+)?\\s*$',
    },
    ownerIds: {
      maxItems: 100,
    },
  },
  GroupUpdate: {
    name: {
      minLength: 1,
      maxLength: 256,
    },
    description: {
      maxLength: 4000,
    },
    version: {
      minimum: 1,
    },
    images: {
      maxItems: 10,
    },
    addresses: {
      maxItems: 10,
    },
    email: {
      maxLength: 320,
      pattern: '^\\s*([^\\s@]+@[^\\s@]+\\.[^\\s@]+)?\\s*$',
    },
    ownerIds: {
      maxItems: 100,
    },
  },
  GroupMembersUpdate: {
    memberIds: {
      minItems: 1,
      maxItems: 50,
    },
    version: {
      minimum: 1,
    },
  },
  GroupContact: {
    address: {
      pattern: '^\\s*\\+?[0-9][0-9 ().-]*\\s*$',
      digits: {
        minimum: 3,
        maximum: 20,
      },
    },
    extension: {
      maxLength: 10,
      pattern: '^([0-9*#]{1,10})?$',
    },
  },
  Image: {
    resolution: {
      maxLength: 2048,
    },
    imageUri: {
      maxLength: 2048,
    },
  },
  GroupSearchRequest: {
    pageSize: {
      minimum: 1,
      maximum: 100,
    },
    pageNumber: {
      minimum: 1,
    },
  },
  UserSearchRequest: {
    pageSize: {
      minimum: 1,
      maximum: 100,
    },
    pageNumber: {
      minimum: 1,
    },
  },
  DynamicGroupRoutingSkillCondition: {
    routingSkill: {
      maxLength: 200,
    },
    proficiency: {
      minimum: 0,
      maximum: 5,
    },
  },
  DynamicGroupLanguageSkillCondition: {
    languageSkill: {
      maxLength: 200,
    },
    proficiency: {
      minimum: 0,
      maximum: 5,
    },
  },
  AuditQueryFilter: {
    value: {
      minLength: 1,
    },
  },
  AuditQueryRequest: {
    interval: {
      minLength: 1,
      maxDays: 365,
    },
    filters: {
      maxItems: 50,
    },
    sort: {
      maxItems: 1,
    },
  },
  AuditRealtimeQueryRequest: {
    interval: {
      minLength: 1,
    },
    filters: {
      maxItems: 50,
    },
    sort: {
      maxItems: 1,
    },
    pageNumber: {
      minimum: 1,
    },
    pageSize: {
      minimum: 1,
      maximum: 500,
    },
  },
  AuditRealtimeRelatedRequest: {
    auditId: {
      minLength: 1,
      maxLength: 100,
    },
    sort: {
      maxItems: 1,
    },
  },
  PresenceDefinition: {
    id: {
      minLength: 1,
    },
  },
  UserPresence: {
    message: {
      maxLength: 1000,
    },
  },
  ChannelTopic: {
    id: {
      minLength: 1,
      maxLength: 500,
    },
  },
  RoleDivisionPair: {
    roleId: {
      minLength: 1,
      maxLength: 100,
    },
    divisionId: {
      minLength: 1,
      maxLength: 100,
    },
  },
  RoleDivisionGrants: {
    grants: {
      minItems: 1,
      maxItems: 100,
    },
  },
} as const;

/** The largest `pageSize` each paged operation accepts (its parameter's or body property's `maximum`). */
export const PAGE_SIZE_MAXIMA = {
  getAuditQueryResults: 500,
  getAuthorizationDivisions: 500,
  getAuthorizationDivisionspermittedPagedMe: 500,
  getAuthorizationRoles: 500,
  getAuthorizationRoleSubjectgrants: 500,
  listGroupMembers: 500,
  listGroupProfiles: 500,
  listGroups: 500,
  listUsers: 500,
  queryAuditsRealtime: 500,
  searchGroups: 100,
  searchUsers: 100,
} as const;

/**
 * Each operation's own limits (`x-search-cap`: the most results a search pages through, as
 * `pageSize × pageNumber`; `x-realtime-window-days`: how many days back the realtime audit query reads).
 */
export const OPERATION_LIMITS = {
  queryAuditsRealtime: {
    realtimeWindowDays: 14,
  },
  searchGroups: {
    searchCap: 10000,
  },
  searchGroupsByQ64: {
    searchCap: 10000,
  },
  searchUsers: {
    searchCap: 10000,
  },
  searchUsersByQ64: {
    searchCap: 10000,
  },
} as const;

/** The most values each list query parameter takes per request (`maxItems`, or `x-max-items` of a comma-joined string). */
export const QUERY_LIST_MAXIMA = {
  getAuthorizationDivisions: {
    id: 100,
  },
  getAuthorizationRoles: {
    id: 100,
    permission: 100,
  },
  listGroupProfiles: {
    id: 100,
    jabberId: 100,
  },
  listGroups: {
    id: 100,
    jabberId: 100,
  },
  listUsers: {
    id: 100,
    jabberId: 100,
  },
  removeGroupMembers: {
    ids: 50,
  },
} as const;
