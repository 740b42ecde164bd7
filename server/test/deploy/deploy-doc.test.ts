/**
 * docs/deploy.md keeps to what is real: every shell block names the test or script that runs its
 * commands (and they are there), its config.json examples are valid against the published schema, its
 * Content-Security-Policy is the server's (but for the org's hosts in connect-src), and the settings it
 * names are ones the server reads.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../../src/http/headers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const doc = readFileSync(`${ROOT}docs/deploy.md`, 'utf8');
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

/** Fenced blocks: language, body, and the `<!-- checked by: … -->` just before, if any. */
const blocks = [...doc.matchAll(/(?:<!-- checked by: (\S+) -->\s*\n)?```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
  checkedBy: m[1],
  lang: m[2] ?? '',
  body: m[3] ?? '',
}));

describe('docs/deploy.md', () => {
  it('names, for every shell block, the test or script that runs its commands, and they are there', () => {
    const shell = blocks.filter((b) => b.lang === 'sh');
    expect(shell.length).toBeGreaterThanOrEqual(5);
    for (const block of shell) {
      expect(block.checkedBy, `a "checked by" note before:\n${block.body}`).toBeDefined();
      expect(existsSync(`${ROOT}${block.checkedBy}`), block.checkedBy).toBe(true);
      const checker = read(block.checkedBy!);
      for (const line of block.body.trim().split('\n')) {
        if (line.startsWith('docker ')) {
          expect(checker, `${block.checkedBy} runs: ${line}`).toContain(line); // verbatim
          continue;
        }
        // npm commands: each setting the line sets, and each word after the program, appear in the runner.
        const [, ...words] = line.split(/\s+/).filter((w) => !/^[A-Z_]+=/.test(w));
        for (const name of line.match(/\b[A-Z_]+(?==)/g) ?? [])
          expect(checker, `${block.checkedBy} sets ${name}`).toContain(name);
        for (const word of words) expect(checker, `${block.checkedBy} runs: ${line}`).toContain(`'${word}'`);
      }
    }
  });

  it('shows config.json examples that the published schema accepts', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(read('public/config.schema.json')) as object);
    const examples = blocks.filter((b) => b.lang === 'json').map((b) => JSON.parse(b.body) as unknown);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it('asks static hosts for the server’s Content-Security-Policy, with the org’s hosts as connect-src', () => {
    const withoutConnect = (csp: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d && !d.startsWith('connect-src'))
        .join('; ');
    const policies = [...doc.matchAll(/Content-Security-Policy:? "?(default-src[^"\n]+)"?/g)].map((m) =>
      m[1]!.replace(/" always;$/, ''),
    );
    expect(policies.length).toBeGreaterThanOrEqual(3);
    for (const policy of policies) {
      expect(withoutConnect(policy)).toBe(withoutConnect(CONSOLE_CSP));
      expect(policy).toContain("connect-src 'self' https://api.mypurecloud.ie https://login.mypurecloud.ie");
    }
  });

  it('describes the hardening compose.yaml has, and the runtime dependencies package.json has', () => {
    const compose = read('compose.yaml');
    for (const setting of ['read_only: true', 'tmpfs', 'cap_drop: [ALL]', "security_opt: ['no-new-privileges:true']"]) {
      expect(doc, setting).toContain(`\`${setting}\``);
      expect(compose, setting).toContain(setting.replace(/^tmpfs$/, 'tmpfs:'));
    }
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const runtime = doc.slice(doc.indexOf('What it holds at run time'));
    for (const name of Object.keys(pkg.dependencies)) {
      const named = name.startsWith('@fastify/') ? 'Fastify and its plugins' : name;
      expect(runtime.toLowerCase(), name).toContain(named.toLowerCase());
    }
    expect(runtime).toMatch(/`du -sh node_modules`: \d+ MB \(\d+ MB when/);
  });

  it('names only settings the server reads', () => {
    const server = read('server/src/config.ts') + read('server/src/console-only.ts');
    const names = new Set(
      doc.match(/`((?:CONSOLE|SERVE|BASE_PATH|TRUST_PROXY|LOG_LEVEL|METRICS)[A-Z_]*)/g)?.map((n) => n.slice(1)),
    );
    expect(names.size).toBeGreaterThanOrEqual(6);
    for (const operator of ['TRUST_PROXY', 'LOG_LEVEL', 'METRICS_PORT', 'METRICS_HOST'])
      expect(names).toContain(operator);
    for (const name of names) expect(server, name).toContain(name);
  });
});
