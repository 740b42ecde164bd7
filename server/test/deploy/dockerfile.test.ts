/**
 * The Dockerfile's lint, run by `npm test` whether or not a container engine is present (CI builds the
 * image where one is: .ci/run). hadolint is neither on npm nor in Debian, so the file is checked by
 * dockerfile-utils (the validator of VS Code's Docker support: syntax, arguments, flags, instruction
 * misuse) plus the rules that matter for this image, written out here, several of them hadolint's
 * (DL3006/DL3007 pinned base image, DL3002 non-root user, DL3020 COPY not ADD, DL3015/DL3009 apt
 * hygiene, DL3025 exec-form CMD).
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const content = readFileSync(`${ROOT}Dockerfile`, 'utf8');
const dockerfile = DockerfileParser.parse(content);
const instructions = dockerfile.getInstructions();
const args = (i: Instruction) => i.getArgumentsContent() ?? '';
/** The instruction as written, flags included, continuations joined. */
const text = (i: Instruction) => i.getTextContent().replace(/\\\n\s*/g, ' ');

/** Global ARG defaults (before the first FROM): the base image comes from one. */
const globalArgs = new Map<string, string>();
for (const i of instructions) {
  if (i.getKeyword() === 'FROM') break;
  const m = /^(\w+)=(\S+)$/.exec(args(i));
  if (i.getKeyword() === 'ARG' && m) globalArgs.set(m[1]!, m[2]!);
}

/** Instructions per stage, in order; the last stage is the image that runs. */
const stages: { name: string; from: string; body: Instruction[] }[] = [];
for (const i of instructions) {
  if (i.getKeyword() === 'FROM') {
    const [image = '', , name = ''] = args(i).split(/\s+/);
    stages.push({ name, from: image.replace(/^\$\{?(\w+)\}?$/, (_m, v: string) => globalArgs.get(v) ?? _m), body: [] });
  } else stages.at(-1)?.body.push(i);
}
const runtime = stages.at(-1)!;
const inRuntime = (keyword: string) => runtime.body.filter((i) => i.getKeyword() === keyword);

describe('Dockerfile', () => {
  it('has no syntax or usage problems (dockerfile-utils)', () => {
    const problems = validate(content).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it('builds from a base image pinned to an exact version and a digest, never latest', () => {
    const names = new Set(stages.map((s) => s.name));
    for (const stage of stages) {
      if (names.has(stage.from)) continue; // FROM an earlier stage
      expect(stage.from, `FROM of stage ${stage.name}`).toMatch(/^[\w./-]+:\d+\.\d+\.\d+[\w.-]*@sha256:[0-9a-f]{64}$/);
    }
    const nvmrc = readFileSync(`${ROOT}.nvmrc`, 'utf8').trim();
    expect(globalArgs.get('NODE_IMAGE')).toMatch(new RegExp(`^node:${nvmrc}\\.`));
  });

  it('is multi-stage: the runtime stage starts from the bare image, not the build', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.from).toBe(stages[0]!.from);
    expect(runtime.name).toBe('runtime');
  });

  it('runs as a non-root user', () => {
    const user = inRuntime('USER').at(-1);
    expect(user, 'a USER in the runtime stage').toBeDefined();
    expect(args(user!)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('installs runtime dependencies only for the image that runs (npm ci --omit=dev)', () => {
    const depsStage = stages.find((s) =>
      s.body.some((i) => i.getKeyword() === 'RUN' && /\bnpm ci\b[^&]*--omit=dev/.test(args(i))),
    );
    expect(depsStage, 'a stage that runs npm ci --omit=dev').toBeDefined();
    // From the bare image (not the build stage and its devDependencies), without install scripts: the one
    // native module, better-sqlite3, ships its Node-API binary prebuilt.
    expect(depsStage!.from).toBe(stages[0]!.from);
    const install = depsStage!.body.filter((i) => i.getKeyword() === 'RUN').map(text);
    expect(install).toHaveLength(1);
    expect(install[0]).toMatch(/npm ci --omit=dev --ignore-scripts/);
    expect(depsStage!.body.filter((i) => i.getKeyword() === 'COPY').map(args)).toEqual([
      'package.json package-lock.json ./',
    ]);
    const copies = inRuntime('COPY').map(text);
    const modules = copies.filter((c) => /node_modules/.test(c));
    expect(modules).toEqual([`COPY --from=${depsStage!.name} /app/node_modules ./node_modules`]);
    // The compiled server and the built console, never the sources.
    expect(copies.some((c) => /server\/dist/.test(c))).toBe(true);
    expect(copies.some((c) => /\/app\/dist \.\/dist$/.test(c))).toBe(true);
    expect(copies.some((c) => /server\/src|COPY \. /.test(c))).toBe(false);
  });

  it('keeps the database in a DATA_DIR volume, and has a health check on a cheap endpoint', () => {
    const dataDir = /DATA_DIR=(\S+)/.exec(inRuntime('ENV').map(args).join(' '))?.[1];
    expect(dataDir).toBeDefined();
    expect(inRuntime('VOLUME').map(args).join(' ')).toContain(dataDir);
    const health = inRuntime('HEALTHCHECK').map(text).join(' ');
    expect(health).toContain('/healthz');
    expect(health).toMatch(/--timeout=\d+s/);
  });

  it('starts Node directly (exec form), so SIGTERM reaches the server', () => {
    const cmd = inRuntime('CMD').at(-1);
    expect(args(cmd!)).toBe('["node", "scripts/start.mjs"]');
    expect(inRuntime('ENTRYPOINT')).toEqual([]);
    expect(inRuntime('STOPSIGNAL').map(args)).toEqual(['SIGTERM']);
  });

  it('compiles nothing: no compiler toolchain, no native rebuild, and the npm cache in a BuildKit cache mount', () => {
    const runs = instructions.filter((i) => i.getKeyword() === 'RUN').map(text);
    for (const run of runs) {
      expect(run).not.toMatch(/\b(python3?|make|g\+\+|gcc|build-essential)\b/);
      expect(run).not.toMatch(/npm rebuild|node-gyp|prebuild-install/);
    }
    const installs = runs.filter((r) => /\bnpm ci\b/.test(r));
    expect(installs).toHaveLength(2); // the build's, and the runtime dependencies'
    for (const install of installs) expect(install).toMatch(/^RUN --mount=type=cache,target=\/root\/\.npm npm ci /);
    expect(content.split('\n')[0]).toBe('# syntax=docker/dockerfile:1'); // cache mounts need BuildKit's syntax
  });

  it("carries OCI labels; the version defaults to package.json's", () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string; license: string };
    expect(globalArgs.get('VERSION')).toBe(pkg.version);
    const labels = Object.fromEntries(
      [
        ...inRuntime('LABEL')
          .map(text)
          .join(' ')
          .matchAll(/org\.opencontainers\.image\.(\w+)="([^"]*)"/g),
      ].map((m) => [m[1]!, m[2]!]),
    );
    expect(labels).toMatchObject({
      title: 'Groups Console',
      version: '${VERSION}',
      revision: '${REVISION}',
      source: '${SOURCE}',
      licenses: pkg.license,
    });
    // Global ARGs reach a stage only when declared in it again.
    const declared = inRuntime('ARG').map(args);
    for (const name of ['VERSION', 'REVISION', 'SOURCE']) expect(declared).toContain(name);
  });

  it('uses COPY, not ADD (no URLs or archives fetched at build time)', () => {
    expect(instructions.filter((i) => i.getKeyword() === 'ADD').map(args)).toEqual([]);
  });

  it('installs apt packages without recommends and clears the lists in the same layer', () => {
    for (const run of instructions.filter((i) => i.getKeyword() === 'RUN' && /apt-get install/.test(args(i)))) {
      expect(args(run)).toContain('--no-install-recommends');
      expect(args(run)).toMatch(/-y\b/);
      expect(args(run)).toContain('rm -rf /var/lib/apt/lists/*');
    }
  });

  it('has a .dockerignore that keeps node_modules, builds and .git out of the context', () => {
    const ignore = readFileSync(`${ROOT}.dockerignore`, 'utf8').split('\n');
    for (const entry of ['.git', 'node_modules', 'dist', 'server/dist', 'data', 'backups'])
      expect(ignore).toContain(entry);
  });
});

describe('compose.yaml', () => {
  it('builds this image, keeps the data in a named volume and gives SIGTERM time to close the database', () => {
    expect(existsSync(`${ROOT}compose.yaml`)).toBe(true);
    const compose = parseYaml(readFileSync(`${ROOT}compose.yaml`, 'utf8')) as {
      services: Record<
        string,
        { build?: string; volumes?: string[]; stop_grace_period?: string; environment?: Record<string, string> }
      >;
      volumes: Record<string, unknown>;
    };
    const main = compose.services['groups-console']!;
    expect(main.build).toBe('.');
    expect(main.volumes).toEqual(['groups-data:/data']);
    expect(Object.keys(compose.volumes)).toContain('groups-data');
    expect(main.stop_grace_period).toMatch(/^\d+s$/);
    expect(compose.services.console?.environment?.SERVE).toBe('console');
  });

  it('hardens both services: read-only root, a tmpfs /tmp, no capabilities, no new privileges', () => {
    const compose = parseYaml(readFileSync(`${ROOT}compose.yaml`, 'utf8')) as {
      services: Record<
        string,
        { read_only?: boolean; tmpfs?: string[]; cap_drop?: string[]; security_opt?: string[]; volumes?: string[] }
      >;
    };
    expect(Object.keys(compose.services).sort()).toEqual(['console', 'groups-console']);
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.read_only, name).toBe(true);
      expect(service.tmpfs, name).toEqual(['/tmp']);
      expect(service.cap_drop, name).toEqual(['ALL']);
      expect(service.security_opt, name).toEqual(['no-new-privileges:true']);
    }
    // The database's volume stays writable.
    expect(compose.services['groups-console']!.volumes!.every((v) => !/:ro$/.test(v))).toBe(true);
  });
});
