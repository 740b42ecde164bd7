/**
 * Generators (fast-check arbitraries) of wild values: strings, query strings, group, member, search,
 * dynamic-rule and presence bodies, q64 values and ids. `arbitraries.ts` puts them together per
 * operation of openapi/groups.yaml. Placeholders stand for
 * what exists only once the server is up: `@scratch` (a group the tests may change), `@channel` (a
 * notification channel) and `@user0`… (ids the suite puts in `knownUserIds`).
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { orgPresenceDefinitions } from '../../src/domain/users/presence.js';
import { encodeComponent, type CallOptions } from './openapi-validator.js';

/** Ids of demo users, filled once the server is up (`@user0`… in generated values stand for them). */
export const knownUserIds: string[] = [];

const NASTY_STRINGS = [
  '',
  ' ',
  '0',
  '-1',
  '-5',
  '501',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '99999999999',
  '9007199254740993',
  '1.5',
  '0x10',
  'abc',
  'null',
  'true',
  '[]',
  '{}',
  ',,,',
  '%',
  '_',
  '\\',
  '%%',
  '%_\\',
  "'",
  '"',
  "'; DROP TABLE groups; --",
  "' OR '1'='1",
  '(a+)+$',
  '.*',
  '[',
  '\u0000',
  '\u202e',
  'ñandú',
  '日本語',
  '😀👍🏽',
  '\ud800',
  'x'.repeat(10_000),
  DEMO_GROUPS.allStaff.id,
  PERSONAS.admin.id,
];

export const wildString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const QUERY_KEYS = [
  'pageSize',
  'pageNumber',
  'sortOrder',
  'id',
  'jabberId',
  'expand',
  'ids',
  'q64',
  'type',
  'fields',
  'state',
  'integrationPresenceSource',
  'userCustomAttributeSchemaIds',
];

/** A raw query string: known and unknown keys, repeated keys, wild values, odd encodings. */
export const queryString = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })),
          fc.oneof(
            wildString,
            fc.array(wildString, { maxLength: 4 }).map((a) => a.join(',')),
          ),
        ),
        { maxLength: 5 },
      )
      .map((pairs) => pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'pageSize',
      'pageSize=',
      '=1',
      '&&&',
      'pageSize=%',
      'pageSize=%E0%A4%A',
      'q64=%ZZ',
      'expand[]=presence',
      'id[0]=a&id[1]=b',
      'a=1&a=2&a=3',
      '%00=%00',
    ),
  },
);

/** Plausible request bodies with wild values, plus arbitrary JSON. */
export const wildJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: wildString },
);

export const groupBody = fc.record(
  {
    name: wildJson,
    description: wildJson,
    type: fc.oneof(fc.constantFrom('official', 'social', 'OFFICIAL', ''), wildJson),
    visibility: fc.oneof(fc.constantFrom('public', 'owners', 'members', 'ownerIds'), wildJson),
    rulesVisible: fc.oneof(fc.boolean(), wildJson),
    version: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(1e308, 2 ** 53, -0, 1.5), wildJson),
    ownerIds: fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...knownUserIdsLater()), wildString), { maxLength: 3 }),
      wildJson,
    ),
    addresses: fc.oneof(
      fc.array(
        fc.record({
          address: wildJson,
          type: fc.constantFrom('GROUPRING', 'GROUPPHONE', 'FAX'),
          mediaType: fc.constantFrom('PHONE', 'EMAIL'),
        }),
        { maxLength: 2 },
      ),
      wildJson,
    ),
    includeOwners: fc.oneof(fc.boolean(), wildJson),
    state: fc.oneof(fc.constantFrom('active', 'inactive', 'deleted'), wildJson),
  },
  { requiredKeys: [] },
);

/** Placeholder user ids for generators built before the server is up; replaced with real ids at run time. */
function knownUserIdsLater(): string[] {
  return ['@user0', '@user1', '@user2'];
}
const resolveUsers = (value: unknown): unknown => {
  if (typeof value === 'string' && /^@user\d$/.test(value)) return knownUserIds[Number(value.slice(5))] ?? value;
  if (Array.isArray(value)) return value.map(resolveUsers);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveUsers(v)]));
  return value;
};

export const membersBody = fc.record(
  {
    memberIds: fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...knownUserIdsLater()), wildString), { maxLength: 55 }),
      wildJson,
    ),
    version: fc.oneof(fc.integer({ min: -2, max: 10 }), wildJson),
  },
  { requiredKeys: [] },
);

const criterion = fc.letrec((tie) => ({
  criterion: fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(
          'EXACT',
          'STARTS_WITH',
          'CONTAINS',
          'REGEX',
          'TERM',
          'TERMS',
          'REQUIRED_FIELDS',
          'MATCH_ALL',
          'QUERY_STRING',
          'exact',
        ),
        wildJson,
      ),
      fields: fc.oneof(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'id',
              'name',
              'description',
              'type',
              'visibility',
              'state',
              'dateModified',
              'memberCount',
              'owners.id',
              'email',
              'username',
              'title',
              'department',
            ),
            wildString,
          ),
          { maxLength: 3 },
        ),
        wildJson,
      ),
      value: fc.oneof(wildString, wildJson),
      values: fc.oneof(fc.array(wildString, { maxLength: 4 }), wildJson),
      startValue: wildString,
      endValue: wildString,
      dateFormat: fc.oneof(fc.constantFrom("yyyy-MM-dd'T'HH:mm:ss.SSSX", 'yyyy-MM-dd'), wildString),
      operator: fc.oneof(fc.constantFrom('AND', 'OR', 'NOT'), wildJson),
      group: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant(undefined),
        fc.array(tie('criterion'), { maxLength: 2 }),
      ),
    },
    { requiredKeys: [] },
  ),
}));

export const searchRequest = fc.record(
  {
    pageSize: fc.oneof(fc.integer({ min: -5, max: 150 }), fc.constantFrom(1e308, 10_001), wildJson),
    pageNumber: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(99_999_999_999, 1e308), wildJson),
    sortOrder: fc.oneof(fc.constantFrom('ASC', 'DESC', 'SCORE', 'asc'), wildJson),
    sortBy: fc.oneof(fc.constantFrom('name', 'dateModified', 'memberCount', 'type', 'email'), wildString),
    sort: fc.oneof(
      fc.array(fc.record({ sortBy: wildString, sortOrder: fc.constantFrom('ASC', 'DESC', 'SCORE', 'UP') }), {
        maxLength: 3,
      }),
      wildJson,
    ),
    query: fc.oneof(
      { weight: 4, arbitrary: fc.array(criterion.criterion, { maxLength: 3 }) },
      { weight: 1, arbitrary: wildJson },
    ),
    expand: fc.oneof(
      fc.array(fc.constantFrom('presence', 'routingStatus', 'groups', 'nonsense'), { maxLength: 3 }),
      wildJson,
    ),
    enforcePermissions: fc.oneof(fc.boolean(), wildJson),
  },
  { requiredKeys: [] },
);

export const dynamicQuery = fc.record(
  {
    skillConditions: fc.oneof(
      fc.array(
        fc.record(
          {
            operation: fc.oneof(fc.constantFrom('And', 'Or', 'Not', 'AND'), wildJson),
            routingSkillConditions: fc.oneof(
              fc.array(
                fc.record({
                  routingSkill: wildJson,
                  comparator: fc.constantFrom(
                    'EqualTo',
                    'NotEqualTo',
                    'LessThan',
                    'GreaterThan',
                    'GreaterThanOrEqualTo',
                    'LessThanOrEqualTo',
                    'Like',
                  ),
                  proficiency: fc.oneof(fc.integer({ min: -2, max: 8 }), wildJson),
                  childConditions: fc.oneof(fc.constant([]), wildJson),
                }),
                { maxLength: 2 },
              ),
              wildJson,
            ),
            languageSkillConditions: fc.oneof(
              fc.array(
                fc.record({
                  languageSkill: wildJson,
                  comparator: fc.constantFrom('EqualTo', 'GreaterThan', 'Sideways'),
                  proficiency: fc.oneof(fc.integer({ min: -2, max: 8 }), wildJson),
                }),
                { maxLength: 2 },
              ),
              wildJson,
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      wildJson,
    ),
  },
  { requiredKeys: [] },
);

export const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
/** q64 values: random text, random base64, base64 of random JSON (gzipped or not), wild search requests. */
export const q64Value = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.base64String({ maxLength: 80 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.jsonValue({ maxDepth: 3 }).map((v) => b64(JSON.stringify(v))),
  fc.jsonValue({ maxDepth: 3 }).map((v) => b64(gzipSync(JSON.stringify(v)))),
  searchRequest.map((r) => b64(gzipSync(JSON.stringify(r)))),
  searchRequest.map((r) => b64(JSON.stringify(r))),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => b64(Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from(bytes)]))),
  fc.constantFrom('!!!', '====', 'a', '%', b64(gzipSync('x'.repeat(2_000_000)))),
);

/** A body as JSON, or raw text sent as application/json (malformed JSON). */
export function bodyOf(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Pick<CallOptions, 'body' | 'rawBody'>> {
  return fc.oneof(
    { weight: 6, arbitrary: arbitrary.map((body) => ({ body: resolveUsers(body) })) },
    { weight: 1, arbitrary: wildJson.map((body) => ({ body })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '{"name":',
          '[1,2',
          'nul',
          '{"a":1}}',
          '\u0000',
          '{"__proto__":{"x":1}}',
          '{"constructor":{"prototype":{}}}',
        )
        .map((rawBody) => ({ rawBody })),
    },
  );
}

/** A UserPresence body: a real presence definition, a wild one, a message, or neither. */
export const presenceBody = fc.record(
  {
    presenceDefinition: fc.oneof(
      fc.record({ id: fc.oneof(fc.constantFrom(...orgPresenceDefinitions().map((d) => d.id)), wildJson) }),
      wildJson,
    ),
    message: fc.oneof(fc.string({ maxLength: 20 }), wildJson),
  },
  { requiredKeys: [] },
);

/** A group id: the scratch group, a demo group, or something wild. */
export const groupIdArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('@scratch') },
  { weight: 1, arbitrary: fc.constantFrom(DEMO_GROUPS.small.id, DEMO_GROUPS.ownersOnly.id, DEMO_GROUPS.dynamic.id) },
  { weight: 2, arbitrary: wildString.filter((s) => s.length > 0) },
);
export const userIdArb = fc.oneof(
  fc.constantFrom(PERSONAS.admin.id, PERSONAS.supervisor.id),
  wildString.filter((s) => s.length > 0),
);
