import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { findFigures, runFindBench } from '../lib/find-member';

const GROUP = 'g-big';
/** 2,000 members (A–Z by id), each in the group; the search matches by email. */
const people = Array.from({ length: 2000 }, (_, i) => {
  const id = `u${String(i).padStart(4, '0')}`;
  return { id, name: `Person ${id}`, email: `${id}@example.com`, groups: [{ id: GROUP, name: 'All Staff' }] };
});

const body = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (c: Buffer) => (text += c.toString()));
    request.on('end', () => resolve(text));
  });

/** The three endpoints a find uses, counting the requests. */
const fakeApi = async () => {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://x');
      seen.push(`${request.method} ${url.pathname}`);
      const send = (value: unknown) =>
        response.setHeader('content-type', 'application/json').end(JSON.stringify(value));
      if (url.pathname === `/api/v2/groups/${GROUP}/members`) {
        const size = Number(url.searchParams.get('pageSize'));
        const n = Number(url.searchParams.get('pageNumber'));
        return send({
          entities: people.slice((n - 1) * size, n * size),
          total: people.length,
          pageCount: Math.ceil(people.length / size),
        });
      }
      if (url.pathname === '/api/v2/users/search') {
        const request2 = JSON.parse(await body(request)) as { query: Array<{ value?: string }> };
        const words = request2.query.flatMap((c) => (c.value ? [c.value] : []));
        const hits = people.filter((p) => words.every((w) => `${p.name} ${p.email}`.toLowerCase().includes(w)));
        return send({
          total: hits.length,
          pageCount: 1,
          pageSize: 100,
          pageNumber: 1,
          types: ['users'],
          results: hits,
        });
      }
      if (url.pathname === '/api/v2/users') {
        const ids = (url.searchParams.get('id') ?? '').split(',');
        return send({ entities: people.filter((p) => ids.includes(p.id)) });
      }
      response.statusCode = 404;
      response.end('{}');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(r)) };
};

describe('the find-a-member section', () => {
  it('finds the member of the last page by email in three requests, and reports p95 and requests', async () => {
    const api = await fakeApi();
    try {
      const out = await runFindBench({ url: api.url, token: 't' }, { huge: GROUP }, { finds: 4 });
      const [result] = out.results;
      assert.ok(result);
      assert.equal(result.found, true);
      assert.equal(result.members, 2000);
      assert.equal(result.query, 'u1987@example.com', 'the middle of the last page of 25');
      assert.equal(result.requests, 3);
      assert.equal(result.readingRequests, 4);
      assert.equal(result.runsMs.length, 4);
      assert.ok(result.p95Ms !== null && result.p95Ms >= (result.medianMs ?? 0));
      // Two pages to pick the member, then a warm-up and four finds of three requests each.
      assert.equal(api.seen.length, 2 + 5 * 3);
      assert.equal(api.seen.filter((s) => s.endsWith('/members')).length, 2);
      assert.deepEqual(
        out.figures.map((f) => [f.name, f.met]),
        [
          ['find a member, 50k-member group: requests', true],
          ['find a member, 50k-member group: p95 time', true],
        ],
      );
    } finally {
      await api.close();
    }
  });

  it('marks a find that took more than three requests, or missed the member, as a miss', () => {
    const figures = findFigures({
      group: '50k-member group',
      members: 97_000,
      query: 'a@example.com',
      found: false,
      requests: 4,
      readingRequests: 194,
      p95Ms: 1200,
      medianMs: 900,
      runsMs: [900, 1200],
    });
    assert.deepEqual(
      figures.map((f) => f.met),
      [false, false],
    );
    assert.match(figures[1]!.note ?? '', /NOT found/);
  });
});
