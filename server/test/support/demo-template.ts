/**
 * The demo org, seeded once per test run instead of once per server.
 *
 * Seeding the demo org takes seconds; two dozen server test files each started a server (or opened a
 * database) on a fresh demo seed. `setup` (the server project's globalSetup in vitest.config.ts) seeds
 * one template database in a temp folder; `startServer` and `openDemoDatabase` copy that file, which
 * the server opens as the existing demo database it is (openDatabase never reseeds one). seed.test.ts
 * still seeds from scratch: it tests the seed itself.
 */
import type Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/open.js';

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplate: string;
  }
}

/** globalSetup: seeds the template and hands its path to every test file; removes it at the end. */
export function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'groups-test-template-'));
  const file = join(dir, 'demo.db');
  openDatabase(file, { seed: 'demo' }).close();
  project.provide('demoTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * Copies the seeded demo database to `file` (a database the server then opens as it is). Outside the
 * server project (a unit test that starts a server) there is no template: the demo org is seeded there.
 */
export function copyDemoDatabase(file: string): void {
  const template = inject('demoTemplate');
  if (template) copyFileSync(template, file);
  else openDatabase(file, { seed: 'demo' }).close();
}

let scratch: string | undefined;
let count = 0;

/** A demo-seeded database of its own (a copy of the template in a temp folder removed when the process exits). */
export function openDemoDatabase(): Database.Database {
  if (!scratch) {
    const dir = mkdtempSync(join(tmpdir(), 'groups-test-db-'));
    scratch = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const file = join(scratch, `demo-${++count}.db`);
  copyDemoDatabase(file);
  return openDatabase(file, { seed: 'demo' });
}

/** A demo-seeded database of the test file's own (openDemoDatabase), closed after the file's tests. */
export function demoDatabaseForFile(): Database.Database {
  const db = openDemoDatabase();
  afterAll(() => db.close());
  return db;
}

/** A function that runs a query answering one number on `db` (`count('SELECT COUNT(*) FROM users')`). */
export const counter =
  (db: Database.Database) =>
  (sql: string, ...params: unknown[]): number =>
    db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
