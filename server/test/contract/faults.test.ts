/**
 * Faults: a SIGKILL in the middle of a stream of membership writes loses no acknowledged write
 * and leaves a sound database; concurrent updates of one version let exactly one through; the
 * rate limit answers 429 with Retry-After.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src/db/open.js';
import { copyDemoDatabase } from '../support/demo-template.js';
import { apiCaller, expectErrorBody } from '../support/openapi-validator.js';
import { clientCredentialsToken, startServer } from '../support/server.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Spawned {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const running = new Set<ChildProcess>();
const tempDirs: string[] = [];

afterAll(() => {
  for (const child of running) killGroup(child, 'SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole process group (detached below)
  } catch {
    child.kill(signal);
  }
}

/** Starts the real server (server/src/main.ts) on a free port and waits until it listens. */
async function spawnServer(dataDir: string): Promise<Spawned> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      SKIP_BUILD: '1',
      SEED: 'demo',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in time:\n${out.slice(-2000)}`)), 25_000);
    const check = () => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code ?? signal)}) before listening:\n${out.slice(-2000)}`));
    });
  });
  return { child, url, output: () => out };
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
}

describe('crash safety', () => {
  it('keeps every acknowledged membership write across a SIGKILL, and the database stays sound', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'groups-faults-'));
    // The demo org as a first start seeds it (a copy of the run's template: see support/demo-template.ts).
    copyDemoDatabase(join(dataDir, DATABASE_FILE_NAME));
    tempDirs.push(dataDir);

    const first = await spawnServer(dataDir);
    const call = apiCaller(first.url);
    const token = (await clientCredentialsToken(first.url)).accessToken;
    const created = await call('createGroup', {
      token,
      body: { name: 'Crash test', type: 'official', visibility: 'public', rulesVisible: true },
    });
    expect(created.status, created.text).toBe(200);
    const groupId = created.body.id as string;
    const users = await call('listUsers', { token, query: { pageSize: 500 }, validate: false });
    expect(users.status).toBe(200);
    const candidates = (users.body.entities as Array<{ id: string }>).map((u) => u.id);

    // Stream writes one user at a time on two lanes; kill the server once a good share has been
    // acknowledged, while the other lane's write is still in flight (by count, not by a timer, so a
    // fast or a slow machine kills at the same point of the stream).
    const acknowledged: string[] = [];
    let stopped = false;
    const killAfter = Math.floor(candidates.length * 0.3);
    const kill = () => {
      if (stopped) return;
      stopped = true;
      killGroup(first.child, 'SIGKILL');
    };
    const writers = [0, 1].map(async (lane) => {
      for (let i = lane; i < candidates.length && !stopped; i += 2) {
        const userId = candidates[i] as string;
        try {
          const response = await fetch(`${first.url}/api/v2/groups/${groupId}/members`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ memberIds: [userId] }),
          });
          await response.text();
          if (response.status === 202) {
            acknowledged.push(userId);
            if (acknowledged.length >= killAfter) kill();
          } else if (!stopped) throw new Error(`adding ${userId} answered ${response.status}`);
        } catch (error) {
          if (!stopped) throw error;
          return; // the connection died with the server
        }
      }
    });
    await Promise.all(writers);
    kill();
    await waitForExit(first.child);
    expect(first.child.signalCode ?? 'SIGKILL').toBe('SIGKILL');
    expect(acknowledged.length, 'some writes should have been acknowledged before the kill').toBeGreaterThan(5);
    expect(acknowledged.length, 'the kill should come while writes are still flowing').toBeLessThan(candidates.length);

    // Restart on the same data dir: every acknowledged member is there.
    const second = await spawnServer(dataDir);
    try {
      const call2 = apiCaller(second.url);
      const token2 = (await clientCredentialsToken(second.url)).accessToken;
      const individuals = await call2('listGroupIndividuals', { token: token2, params: { groupId }, validate: false });
      expect(individuals.status, individuals.text).toBe(200);
      const present = new Set((individuals.body.entities as Array<{ id: string }>).map((u) => u.id));
      const missing = acknowledged.filter((id) => !present.has(id));
      expect(missing, `${missing.length} of ${acknowledged.length} acknowledged members were lost`).toEqual([]);
      const group = await call2('getGroup', { token: token2, params: { groupId } });
      expect(group.status).toBe(200);
      // memberCount agrees with the member rows after the crash.
      expect(group.body.memberCount).toBe(present.size);
    } finally {
      killGroup(second.child, 'SIGTERM');
      await waitForExit(second.child);
    }

    const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const counted = db.prepare('SELECT member_count AS n FROM groups WHERE id = ?').get(groupId) as { n: number };
      const rows = db.prepare('SELECT COUNT(*) AS n FROM group_members WHERE group_id = ?').get(groupId) as {
        n: number;
      };
      expect(counted.n).toBe(rows.n);
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('concurrency', () => {
  it('20 parallel PUTs with the same version: one 200, nineteen 409 conflict, version up by one', async () => {
    // An empty org is enough here (and starts faster than the demo org).
    const server = await startServer({ seed: 'none', rateLimitPerMinute: 0 });
    try {
      const call = apiCaller(server.url);
      const admin = server.clientToken('demo-admin');
      const created = await call('createGroup', {
        token: admin,
        body: { name: 'Race', type: 'official', visibility: 'public', rulesVisible: true },
      });
      expect(created.status).toBe(200);
      const groupId = created.body.id as string;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call('updateGroup', { token: admin, params: { groupId }, body: { version: 1, description: `writer ${i}` } }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      for (const r of results.filter((r) => r.status === 409)) expectErrorBody(r, 409, 'conflict');
      const winner = results.find((r) => r.status === 200);
      const after = await call('getGroup', { token: admin, params: { groupId } });
      expect(after.body.version).toBe(2);
      expect(after.body.description).toBe(winner?.body.description);
    } finally {
      await server.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 too.many.requests with Retry-After once a token passes its limit', async () => {
    const server = await startServer({ seed: 'none', rateLimitPerMinute: 5 });
    try {
      const call = apiCaller(server.url);
      const token = server.clientToken('demo-viewer');
      const results = [];
      for (let i = 0; i < 8; i++) results.push(await call('listGroups', { token, query: { pageSize: 1 } }));
      const limited = results.filter((r) => r.status === 429);
      expect(results.slice(0, 5).every((r) => r.status === 200)).toBe(true);
      expect(limited.length).toBeGreaterThanOrEqual(1);
      for (const r of limited) {
        expectErrorBody(r, 429, 'too.many.requests');
        const retryAfter = r.headers.get('retry-after');
        expect(retryAfter).toMatch(/^\d+$/);
        expect(Number(retryAfter)).toBeGreaterThan(0);
        expect(Number(retryAfter)).toBeLessThanOrEqual(60);
      }
      // The limit is per token: another token is not throttled.
      const other = await call('listGroups', { token: server.clientToken('demo-admin'), query: { pageSize: 1 } });
      expect(other.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
