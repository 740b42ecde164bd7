/**
 * The groups endpoints over HTTP on the demo org: dynamic settings, delete, profiles and the field config.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GROUPS, PERSONAS } from '../../src/db/seed/personas.js';
import { httpSuite, type Json } from '../support/http-suite.js';

const suite = httpSuite();
const { api, createGroup, rowCount } = suite;

describe('dynamic settings', () => {
  const query = {
    skillConditions: [
      {
        operation: 'And',
        routingSkillConditions: [],
        languageSkillConditions: [{ languageSkill: 'Spanish', comparator: 'GreaterThanOrEqualTo', proficiency: 3 }],
      },
    ],
  };

  it('PUT materialises rule members, GET returns it, preview counts, DELETE removes them', async () => {
    const g = await createGroup({ ownerIds: [PERSONAS.owner.id] });
    const preview = await api('POST', '/api/v2/groups/dynamicsettings/preview', 'admin', query);
    expect(preview.status).toBe(200);
    expect(preview.body.userCount).toBeGreaterThan(0);
    expect((await api('PUT', `/api/v2/groups/${g.id}/dynamicsettings`, 'admin', query)).status).toBe(204);
    const after = (await api('GET', `/api/v2/groups/${g.id}`)).body;
    expect(after.version).toBe(2);
    expect(after.memberCount).toBe(preview.body.userCount);
    expect(rowCount(g.id)).toBe(after.memberCount);
    const def = await api('GET', `/api/v2/groups/${g.id}/dynamicsettings`, 'owner');
    expect(def.status).toBe(200);
    expect(def.body.query).toEqual(query);
    expect(def.body.group.id).toBe(g.id);
    expect((await api('GET', `/api/v2/groups/${g.id}/dynamicsettings`, 'supervisor')).status).toBe(403);
    expect((await api('PUT', `/api/v2/groups/${g.id}/dynamicsettings`, 'owner', query)).status).toBe(403);
    expect((await api('DELETE', `/api/v2/groups/${g.id}/dynamicsettings`, 'editor')).status).toBe(403);
    expect((await api('DELETE', `/api/v2/groups/${g.id}/dynamicsettings`, 'admin')).status).toBe(204);
    const gone = (await api('GET', `/api/v2/groups/${g.id}`)).body;
    expect(gone).toMatchObject({ memberCount: 0, version: 3 });
    expect((await api('GET', `/api/v2/groups/${g.id}/dynamicsettings`)).status).toBe(404);
  });

  it('keeps individuals who also match the rule when the rule goes', async () => {
    const g = await createGroup();
    const match = suite.server.db
      .prepare(
        "SELECT user_id FROM user_skills WHERE kind = 'language' AND skill_name = 'Spanish' AND proficiency >= 3 LIMIT 1",
      )
      .pluck()
      .get() as string;
    await api('POST', `/api/v2/groups/${g.id}/members`, 'admin', { memberIds: [match] });
    await api('PUT', `/api/v2/groups/${g.id}/dynamicsettings`, 'admin', query);
    await api('DELETE', `/api/v2/groups/${g.id}/dynamicsettings`, 'admin');
    expect((await api('GET', `/api/v2/groups/${g.id}`)).body.memberCount).toBe(1);
  });

  it('validates the query', async () => {
    const bad = await api('POST', '/api/v2/groups/dynamicsettings/preview', 'admin', {
      skillConditions: [
        {
          operation: 'And',
          routingSkillConditions: [{ routingSkill: 'x', comparator: 'EqualTo', proficiency: 9 }],
          languageSkillConditions: [],
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await api('POST', '/api/v2/groups/dynamicsettings/preview', 'supervisor', query)).status).toBe(403);
  });
});

describe('delete, profiles, field config', () => {
  it('deletes with 204; the group is gone from gets, lists and searches', async () => {
    const g = await createGroup();
    expect((await api('DELETE', `/api/v2/groups/${g.id}`, 'editor')).status).toBe(403);
    expect((await api('DELETE', `/api/v2/groups/${g.id}`, 'admin')).status).toBe(204);
    expect((await api('GET', `/api/v2/groups/${g.id}`)).status).toBe(404);
    expect(
      (await api('POST', '/api/v2/groups/search', 'admin', { query: [{ type: 'EXACT', fields: ['id'], value: g.id }] }))
        .body.total,
    ).toBe(0);
    expect((await api('GET', `/api/v2/groups?id=${g.id}`)).body.total).toBe(0);
  });

  it('profiles and field configs', async () => {
    const p = await api('GET', `/api/v2/groups/${DEMO_GROUPS.social.id}/profile?fields=name`);
    expect(Object.keys(p.body).sort()).toEqual(['id', 'name', 'selfUri', 'version']);
    const list = await api('GET', '/api/v2/profiles/groups?pageSize=3&pageNumber=2');
    expect(list.body.entities).toHaveLength(3);
    expect(list.body.selfUri).toBe('/api/v2/profiles/groups?pageSize=3&pageNumber=2&sortOrder=ASC');
    const fc = await api('GET', '/api/v2/fieldconfig?type=group');
    expect(fc.body.entityType).toBe('group');
    expect(typeof fc.body.version).toBe('string');
    expect(fc.body.sections.find((s: Json) => s.key === 'contactInfo').fieldList.map((f: Json) => f.key)).toContain(
      'groupEmail',
    );
    expect((await api('GET', '/api/v2/fieldconfig?type=planet')).status).toBe(400);
  });
});
