/**
 * `npm run backup -- <file>` while the server runs and writes: groups are created and given members
 * through the HTTP API without pause while `scripts/backup.mjs` (the launcher, in a process of its own,
 * as an operator runs it) copies the database. The backup is then restored as docs/deploy.md says (the
 * file as groups.db of a fresh DATA_DIR), a server started on it, and the groups read back with the
 * official SDK: every group acknowledged before the backup began is there, with its member, and the file
 * passes `PRAGMA integrity_check`. Also the command's errors.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import platformClient from 'purecloud-platform-client-v2';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { REPO_ROOT } from '../../src/config.js';
import { DATABASE_FILE_NAME } from '../../src/db/open.js';
import { startServer, type TestServer } from '../support/server.js';

let server: TestServer;
let work: string;
beforeAll(async () => {
  server = await startServer({ seed: 'demo' });
  work = mkdtempSync(join(tmpdir(), 'groups-backup-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** `node scripts/backup.mjs …args` with DATA_DIR, as `npm run backup -- <file>` runs it. */
function backup(args: string[], dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['scripts/backup.mjs', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('npm run backup', () => {
  it('takes a consistent backup while groups and members are written; restored, the SDK reads them all', async () => {
    const auth = { Authorization: `Bearer ${server.tokenFor('admin')}`, 'Content-Type': 'application/json' };
    // Each new group is given one member, taken in turn from the first page of users, so that no one
    // reaches the limit of groups of a type a user may be in however many groups the writers make.
    const users = (
      (await (await fetch(`${server.url}/api/v2/users?pageSize=100`, { headers: auth })).json()) as {
        entities: { id: string }[];
      }
    ).entities.map((u) => u.id);
    expect(users.length).toBeGreaterThan(20);
    const memberOf = new Map<string, string>();

    /** Names of the groups whose creation and member were acknowledged, in order, with the time of the ack. */
    const acked: { name: string; at: number }[] = [];
    let writing = true;
    const writer = async (lane: number) => {
      for (let i = 0; writing; i++) {
        const name = `Backup ${lane}-${i}`;
        const created = await fetch(`${server.url}/api/v2/groups`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ name, type: 'official', visibility: 'public', rulesVisible: true }),
        });
        expect(created.status, await created.clone().text()).toBe(200);
        const { id } = (await created.json()) as { id: string };
        const memberId = users[(lane * 7919 + i) % users.length]!;
        memberOf.set(name, memberId);
        const added = await fetch(`${server.url}/api/v2/groups/${id}/members`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ memberIds: [memberId] }),
        });
        expect(added.status, await added.clone().text()).toBe(202);
        await added.arrayBuffer();
        acked.push({ name, at: performance.now() });
      }
    };
    const writers = [writer(1), writer(2)];
    while (acked.length < 20) await new Promise((r) => setTimeout(r, 10));

    const file = join(work, 'groups-backup.db');
    const began = performance.now();
    const before = acked.filter((a) => a.at < began).map((a) => a.name);
    const done = await backup([file], server.dataDir);
    const ackedDuring = acked.length - before.length;
    writing = false;
    await Promise.all(writers);
    expect(done.code, done.output).toBe(0);
    expect(done.output).toMatch(/Backed up .*groups\.db to .*groups-backup\.db: \d+ pages, .* integrity ok\./);
    expect(ackedDuring, 'writes went on while the backup ran').toBeGreaterThan(0);
    expect(before.length).toBeGreaterThanOrEqual(20);

    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
    check.close();

    // Restore (docs/deploy.md): the file as groups.db of a fresh DATA_DIR, then start.
    const restoredDir = join(work, 'restored');
    mkdirSync(restoredDir);
    copyFileSync(file, join(restoredDir, DATABASE_FILE_NAME));
    const restored: FastifyInstance = buildApp({ dataDir: restoredDir, seed: 'none', rateLimitPerMinute: 0 });
    try {
      const port = Number(new URL(await restored.listen({ host: '127.0.0.1', port: 0 })).port);
      const client = platformClient.ApiClient.instance;
      client.config.setConfigPath('/nonexistent');
      client.setGateway({ host: '127.0.0.1', protocol: 'http', port });
      client.setReturnExtendedResponses(false);
      await client.loginClientCredentialsGrant('demo-admin', 'demo-admin-secret');
      const groupsApi = new platformClient.GroupsApi();
      const names = new Map<string, string>();
      for (let page = 1; ; page++) {
        const result = await groupsApi.getGroups({ pageSize: 100, pageNumber: page });
        for (const g of result.entities ?? []) names.set(g.name!, g.id!);
        if (page >= (result.pageCount ?? 1)) break;
      }
      const missing = before.filter((name) => !names.has(name));
      expect(missing).toEqual([]);
      const last = names.get(before.at(-1)!)!;
      const members = await groupsApi.getGroupIndividuals(last);
      expect(members.entities?.map((u) => u.id)).toContain(memberOf.get(before.at(-1)!));
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses a missing file argument, an existing target and a missing database, with a clear message', async () => {
    const usage = await backup([], server.dataDir);
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('Usage: npm run backup -- <file>');

    const existing = join(work, 'exists.db');
    copyFileSync(join(server.dataDir, DATABASE_FILE_NAME), existing);
    const refused = await backup([existing], server.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('exists already');

    const empty = join(work, 'empty');
    const missing = await backup([join(work, 'x.db')], empty);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(`No database at ${join(empty, DATABASE_FILE_NAME)}`);
    expect(existsSync(join(work, 'x.db'))).toBe(false);

    const noFolder = await backup([join(work, 'no', 'such', 'x.db')], server.dataDir);
    expect(noFolder.code).toBe(1);
    expect(noFolder.output).toContain('does not exist: create it first');
  });
});
