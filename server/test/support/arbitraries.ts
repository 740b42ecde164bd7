/**
 * Generators (fast-check arbitraries) of arbitrary client input for every operation of
 * openapi/groups.yaml: path parameters, query strings and bodies, built from the wild values of
 * `arbitrary-values.ts`.
 */
import fc from 'fast-check';
import { encodeComponent, type CallOptions } from './openapi-validator.js';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import {
  bodyOf,
  dynamicQuery,
  groupBody,
  groupIdArb,
  membersBody,
  presenceBody,
  q64Value,
  searchRequest,
  userIdArb,
  wildJson,
  wildString,
} from './arbitrary-values.js';
export { b64, knownUserIds, queryString } from './arbitrary-values.js';

export interface OperationSpec {
  params?: fc.Arbitrary<Record<string, string>>;
  body?: fc.Arbitrary<Pick<CallOptions, 'body' | 'rawBody'>>;
  /** Extra query generators (merged with the generic query strings). */
  query?: fc.Arbitrary<string>;
  /** The operation revokes the caller's token or is otherwise unsafe to fuzz as admin. */
  skip?: string;
}

const q64Query = q64Value.map((q) => `q64=${encodeComponent(q)}`);
const idsQuery = fc
  .array(fc.oneof(fc.constantFrom('@user0', '@user1'), wildString), { maxLength: 55 })
  .map((a) => `ids=${encodeComponent(a.join(','))}`);
const groupParams = groupIdArb.map((groupId) => ({ groupId }));

/** Audit query bodies: recent, old and malformed intervals, known and wild filters, sorts and pages. */
const auditInterval = fc.oneof(
  fc
    .constantFrom(1, 13, 20, 400)
    .map((days) => `${new Date(Date.now() - days * 86_400_000).toISOString()}/${new Date().toISOString()}`),
  fc.constantFrom('2026-01-01T00:00:00Z/2025-01-01T00:00:00Z', '2026-11-01/2026-11-02', '/', 'now'),
  wildString,
  wildJson,
);
const auditQueryBody = fc.record(
  {
    interval: auditInterval,
    serviceName: fc.oneof(fc.constant('Directory'), wildJson),
    filters: fc.oneof(
      fc.array(
        fc.record({
          property: fc.oneof(fc.constantFrom('EntityType', 'EntityId', 'UserId', 'ClientId', 'Action'), wildJson),
          value: fc.oneof(fc.constantFrom('Group', 'Update', 'MemberAdd', DEMO_GROUPS.small.id), wildJson),
        }),
        { maxLength: 3 },
      ),
      wildJson,
    ),
    sort: fc.oneof(
      fc.constant([{ name: 'Timestamp', sortOrder: 'ascending' }]),
      fc.array(fc.record({ name: wildJson, sortOrder: wildJson }), { maxLength: 2 }),
    ),
    pageNumber: fc.oneof(fc.integer({ min: -1, max: 3 }), wildJson),
    pageSize: fc.oneof(fc.integer({ min: -1, max: 600 }), wildJson),
  },
  { requiredKeys: [] },
);
/** Related-audit bodies: a missing or wild audit id, wild trustors and sorts. */
const auditRelatedBody = fc.record(
  {
    auditId: fc.oneof(fc.constant('00000000-0000-4000-8000-000000000000'), wildString, wildJson),
    trustorOrgId: fc.oneof(wildString, wildJson),
    sort: fc.oneof(
      fc.constant([{ name: 'Timestamp', sortOrder: 'descending' }]),
      fc.array(fc.record({ name: wildJson, sortOrder: wildJson }), { maxLength: 2 }),
    ),
  },
  { requiredKeys: [] },
);
const transactionParams = fc
  .oneof(
    fc.constant('00000000-0000-4000-8000-000000000000'),
    wildString.filter((s) => s.length > 0),
  )
  .map((transactionId) => ({ transactionId }));

const channelParams = fc
  .oneof(
    fc.constant('@channel'),
    wildString.filter((s) => s.length > 0),
  )
  .map((id) => ({ channelId: id }));
const topicsBody = fc.array(
  fc.record({
    id: fc.oneof(
      fc.constantFrom(
        `v2.users.${PERSONAS.owner.id}.presence`,
        `v2.users.${PERSONAS.owner.id}?presence&routingStatus`,
        `v2.audits.entitytype.Group.entityid.${DEMO_GROUPS.allStaff.id}`,
      ),
      wildString,
    ),
  }),
  { maxLength: 5 },
);
/** Authorization API: role, division and subject ids (known, `*` and wild) and RoleDivisionGrants bodies. */
const authzIdArb = fc.oneof(
  fc.constantFrom('7b1c2d3e-0002-4f00-8a00-00000000a002', '*', DEMO_GROUPS.groupAdministrators.id, PERSONAS.editor.id),
  wildString.filter((s) => s.length > 0),
);
const grantsBody = fc.record({
  grants: fc.array(fc.record({ roleId: fc.oneof(authzIdArb, wildJson), divisionId: fc.oneof(authzIdArb, wildJson) }), {
    maxLength: 3,
  }),
});
const subjectParams = fc.record({ subjectId: authzIdArb, divisionId: authzIdArb, roleId: authzIdArb });
const subjectTypeQuery = fc
  .oneof(fc.constantFrom('PC_USER', 'PC_GROUP', 'PC_OAUTH_CLIENT'), wildString)
  .map((t) => `subjectType=${encodeComponent(t)}`);

export const SPECS: Record<string, OperationSpec> = {
  listGroups: {},
  createGroup: { body: bodyOf(groupBody) },
  searchGroupsByQ64: { query: q64Query },
  searchGroups: { body: bodyOf(searchRequest) },
  previewDynamicGroup: { body: bodyOf(dynamicQuery) },
  getGroup: { params: groupParams },
  updateGroup: { params: groupParams, body: bodyOf(groupBody) },
  deleteGroup: { params: wildString.filter((s) => s.length > 0).map((groupId) => ({ groupId })) },
  listGroupMembers: { params: groupParams },
  addGroupMembers: { params: groupParams, body: bodyOf(membersBody) },
  removeGroupMembers: { params: groupParams, query: idsQuery },
  listGroupIndividuals: { params: groupParams },
  getGroupProfile: { params: groupParams },
  getGroupDynamicSettings: { params: groupParams },
  updateGroupDynamicSettings: { params: groupParams, body: bodyOf(dynamicQuery) },
  deleteGroupDynamicSettings: { params: groupParams },
  listGroupProfiles: {},
  getFieldConfig: {
    query: fc
      .oneof(fc.constantFrom('group', 'person', 'org', 'externalContact', 'GROUP'), wildString)
      .map((t) => `type=${encodeComponent(t)}`),
  },
  listUsers: {},
  getMe: {},
  searchUsersByQ64: { query: q64Query },
  searchUsers: { body: bodyOf(searchRequest) },
  getUser: { params: userIdArb.map((userId) => ({ userId })) },
  patchUserPresence: {
    params: fc.record({ userId: userIdArb, sourceId: fc.oneof(fc.constantFrom('PURECLOUD', 'purecloud'), wildString) }),
    body: bodyOf(presenceBody),
  },
  getTokenInfo: {},
  postNotificationsChannels: {},
  getNotificationsChannels: { query: fc.constantFrom('includechannels=token', 'includechannels=oauthclient') },
  headNotificationsChannel: { params: channelParams },
  getNotificationsChannelSubscriptions: { params: channelParams },
  putNotificationsChannelSubscriptions: { params: channelParams, body: bodyOf(topicsBody) },
  postNotificationsChannelSubscriptions: { params: channelParams, body: bodyOf(topicsBody) },
  deleteNotificationsChannelSubscriptions: { params: channelParams },
  getNotificationsAvailabletopics: { query: fc.constantFrom('expand=description,schema', 'expand=schema&expand=x') },
  getOrganizationMe: {},
  revokeToken: { skip: 'revokes the token the property tests use; covered by explicit cases below' },
  queryAuditsRealtime: { body: bodyOf(auditQueryBody) },
  queryAuditsRealtimeRelated: { body: bodyOf(auditRelatedBody) },
  getAuditRealtimeServiceMapping: {},
  createAuditQuery: { body: bodyOf(auditQueryBody) },
  getAuditQueryStatus: { params: transactionParams },
  getAuditQueryResults: {
    params: transactionParams,
    query: fc.oneof(wildString, fc.base64String({ maxLength: 40 })).map((c) => `cursor=${encodeComponent(c)}`),
  },
  getAuthorizationRoles: { query: wildString.map((n) => `name=${encodeComponent(n)}`) },
  getAuthorizationRole: { params: subjectParams },
  getAuthorizationRoleSubjectgrants: { params: subjectParams },
  getAuthorizationDivisions: { query: wildString.map((n) => `name=${encodeComponent(n)}`) },
  getAuthorizationDivisionsHome: {},
  getAuthorizationDivisionspermittedPagedMe: { query: wildString.map((p) => `permission=${encodeComponent(p)}`) },
  getAuthorizationSubject: { params: subjectParams },
  postAuthorizationSubjectBulkadd: { params: subjectParams, query: subjectTypeQuery, body: bodyOf(grantsBody) },
  postAuthorizationSubjectBulkremove: { params: subjectParams, body: bodyOf(grantsBody) },
  postAuthorizationSubjectDivisionRole: { params: subjectParams, query: subjectTypeQuery },
  deleteAuthorizationSubjectDivisionRole: { params: subjectParams },
};
