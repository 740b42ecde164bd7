/**
 * The official SDK's AuditApi against the embedded server: a group's history read as the console reads
 * it, an asynchronous query paged to its end, and the permission it takes. Bodies are also checked
 * against openapi/groups.yaml.
 */
import platformClient from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/db/seed/personas.js';
import { expectError, ext, newGroupBody, sdkClient, sdkSuite } from '../support/sdk.js';

const suite = sdkSuite({ extended: true, signIn: true });
const groups = new platformClient.GroupsApi();

describe('AuditApi', () => {
  const audit = new platformClient.AuditApi();
  const recent = () =>
    `${new Date(Date.now() - 60 * 60_000).toISOString()}/${new Date(Date.now() + 60_000).toISOString()}`;

  it('getAuditsQueryRealtimeServicemapping and postAuditsQueryRealtime read a group’s history as the console does', async () => {
    const mapping = await ext<{
      services: Array<{ name: string; entities: Array<{ name: string; actions: string[] }> }>;
    }>('getAuditRealtimeServiceMapping', audit.getAuditsQueryRealtimeServicemapping());
    expect(mapping.status).toBe(200);
    expect(mapping.body.services[0]).toMatchObject({ name: 'Directory', entities: [{ name: 'Group' }] });

    const created = await ext<{ id: string }>('createGroup', groups.postGroups(newGroupBody()));
    await ext(
      'updateGroup',
      groups.putGroup(created.body.id, { body: { version: 1, description: 'Described by the SDK' } }),
    );
    const page = await ext<{
      entities: Array<{ action: string; propertyChanges: unknown[]; client: { id: string } }>;
      total: number;
    }>(
      'queryAuditsRealtime',
      audit.postAuditsQueryRealtime(
        {
          interval: recent(),
          serviceName: 'Directory',
          filters: [{ property: 'EntityId', value: created.body.id }],
          sort: [{ name: 'Timestamp', sortOrder: 'descending' }],
          pageSize: 10,
        },
        { expand: ['user'] },
      ),
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.entities.map((e) => e.action)).toEqual(['Update', 'Create']);
    expect(page.body.entities[0]!.propertyChanges).toEqual([
      { property: 'description', oldValues: [], newValues: ['Described by the SDK'] },
    ]);
    expect(page.body.entities[0]!.client.id).toBe('demo-admin');

    expectError(
      await ext(
        'queryAuditsRealtime',
        audit.postAuditsQueryRealtime({ interval: 'last week', serviceName: 'Directory' }),
      ),
      400,
      'bad.request',
    );
  });

  it('postAuditsQuery, getAuditsQueryTransactionId and getAuditsQueryTransactionIdResults page an asynchronous query', async () => {
    const created = await ext<{ id: string }>('createGroup', groups.postGroups(newGroupBody()));
    for (let version = 1; version <= 3; version++)
      await ext(
        'updateGroup',
        groups.putGroup(created.body.id, { body: { version, description: `Version ${version + 1}` } }),
      );
    const execution = await ext<{ id: string; state: string }>(
      'createAuditQuery',
      audit.postAuditsQuery({
        interval: recent(),
        serviceName: 'Directory',
        filters: [{ property: 'EntityId', value: created.body.id }],
        sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
      }),
    );
    expect(execution.status).toBe(200);
    let state = execution.body.state;
    for (let i = 0; i < 20 && state !== 'Succeeded'; i++) {
      state = (
        await ext<{ state: string }>('getAuditQueryStatus', audit.getAuditsQueryTransactionId(execution.body.id))
      ).body.state;
    }
    expect(state).toBe('Succeeded');
    const actions: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ext<{ entities: Array<{ action: string }>; cursor?: string }>(
        'getAuditQueryResults',
        audit.getAuditsQueryTransactionIdResults(execution.body.id, { pageSize: 3, ...(cursor ? { cursor } : {}) }),
      );
      expect(page.status).toBe(200);
      actions.push(...page.body.entities.map((e) => e.action));
      cursor = page.body.cursor;
      pages++;
    } while (cursor && pages < 5);
    expect(actions).toEqual(['Create', 'Update', 'Update', 'Update']);
    expect(pages).toBe(2);
    expectError(await ext('getAuditQueryStatus', audit.getAuditsQueryTransactionId('no-such-query')), 404, 'not.found');
  });

  it('postAuditsQueryRealtimeRelated answers every record of the action that wrote the given one', async () => {
    interface Record {
      id: string;
      action: string;
      transactionInitiator?: boolean;
      initiatingAction?: { transactionId?: string };
    }
    // A group created with an owner it includes: a Create record and a MemberAdd record, one action.
    const created = await ext<{ id: string }>(
      'createGroup',
      groups.postGroups(newGroupBody({ ownerIds: [PERSONAS.admin.id], includeOwners: true })),
    );
    await ext('updateGroup', groups.putGroup(created.body.id, { body: { version: 1, description: 'Later' } }));
    const page = await ext<{ entities: Record[] }>(
      'queryAuditsRealtime',
      audit.postAuditsQueryRealtime({
        interval: recent(),
        serviceName: 'Directory',
        filters: [{ property: 'EntityId', value: created.body.id }],
        sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
      }),
    );
    expect(page.body.entities.map((e) => e.action)).toEqual(['Create', 'MemberAdd', 'Update']);
    const [create, memberAdd, update] = page.body.entities;

    const related = await ext<{ entities: Record[] }>(
      'queryAuditsRealtimeRelated',
      audit.postAuditsQueryRealtimeRelated({ auditId: memberAdd!.id }, { expand: ['user'] }),
    );
    expect(related.status).toBe(200);
    expect(related.body.entities.map((e) => [e.id, e.action, e.transactionInitiator])).toEqual([
      [create!.id, 'Create', true],
      [memberAdd!.id, 'MemberAdd', false],
    ]);
    const transaction = related.body.entities[0]!.initiatingAction?.transactionId;
    expect(transaction).toBeTruthy();
    expect(related.body.entities[1]!.initiatingAction?.transactionId).toBe(transaction);

    const descending = await ext<{ entities: Record[] }>(
      'queryAuditsRealtimeRelated',
      audit.postAuditsQueryRealtimeRelated({
        auditId: create!.id,
        sort: [{ name: 'Timestamp', sortOrder: 'descending' }],
      }),
    );
    expect(descending.body.entities.map((e) => e.action)).toEqual(['MemberAdd', 'Create']);

    const alone = await ext<{ entities: Record[] }>(
      'queryAuditsRealtimeRelated',
      audit.postAuditsQueryRealtimeRelated({ auditId: update!.id }),
    );
    expect(alone.body.entities.map((e) => [e.id, e.transactionInitiator])).toEqual([[update!.id, true]]);
    expect(alone.body.entities[0]!.initiatingAction?.transactionId).not.toBe(transaction);

    expectError(
      await ext('queryAuditsRealtimeRelated', audit.postAuditsQueryRealtimeRelated({ auditId: 'no-such-audit' })),
      404,
      'not.found',
    );
    expectError(
      await ext('queryAuditsRealtimeRelated', audit.postAuditsQueryRealtimeRelated({} as { auditId: string })),
      400,
      'bad.request',
    );
  });

  it('answers 403 to a caller without audits:audit:view', async () => {
    sdkClient.setAccessToken(suite.server.tokenFor('supervisor'));
    try {
      expectError(
        await ext('getAuditRealtimeServiceMapping', audit.getAuditsQueryRealtimeServicemapping()),
        403,
        'missing.any.permissions',
      );
      expectError(
        await ext('queryAuditsRealtimeRelated', audit.postAuditsQueryRealtimeRelated({ auditId: 'any' })),
        403,
        'missing.any.permissions',
      );
    } finally {
      sdkClient.setAccessToken(suite.adminToken);
    }
  });
});
