import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/src/db/open';

/**
 * Seeds the demo org once per run into a template database (its path in E2E_DEMO_TEMPLATE, which the
 * workers inherit): the dedicated servers of own-server.ts start from a copy of it instead of seeding
 * the demo org again, seconds each. Returns the teardown that removes it.
 */
export default function globalSetup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'groups-console-e2e-template-'));
  const file = join(dir, 'demo.db');
  openDatabase(file, { seed: 'demo' }).close();
  process.env.E2E_DEMO_TEMPLATE = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
