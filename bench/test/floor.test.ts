import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { measureEntry } from '../lib/bundle';
import { findFloor, floorSource, lockHash, needsInstall, resolveStatic, serveStatic } from '../lib/floor';

const withDir = async (run: (dir: string) => Promise<void> | void) => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  try {
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('finding the floor', () => {
  it('looks in ../shared/floor beside the repository, and says undefined when it is not there', () =>
    withDir((dir) => {
      const root = join(dir, 'repo');
      mkdirSync(root);
      assert.equal(floorSource(root), join(dir, 'shared', 'floor'));
      assert.equal(findFloor(root), undefined);
      mkdirSync(join(dir, 'shared', 'floor'), { recursive: true });
      writeFileSync(join(dir, 'shared', 'floor', 'package.json'), '{}');
      assert.equal(findFloor(root), undefined, 'no lock file: npm ci could not install it');
      writeFileSync(join(dir, 'shared', 'floor', 'package-lock.json'), '{}');
      assert.equal(findFloor(root), join(dir, 'shared', 'floor'));
    }));

  it('installs again only when the lock file changed since the last install', () =>
    withDir((dir) => {
      writeFileSync(join(dir, 'package-lock.json'), '{"v":1}');
      assert.equal(needsInstall(dir), true, 'never installed');
      mkdirSync(join(dir, 'node_modules'));
      writeFileSync(join(dir, '.bench-install.json'), JSON.stringify({ lock: lockHash(dir) }));
      assert.equal(needsInstall(dir), false);
      writeFileSync(join(dir, 'package-lock.json'), '{"v":2}');
      assert.equal(needsInstall(dir), true, 'the lock changed');
    }));
});

describe('the floor’s bundle', () => {
  it('counts the entry chunk with its static imports and CSS, not its lazy chunks', () =>
    withDir((dir) => {
      mkdirSync(join(dir, '.vite'));
      mkdirSync(join(dir, 'assets'));
      writeFileSync(
        join(dir, '.vite', 'manifest.json'),
        JSON.stringify({
          'index.html': {
            file: 'assets/index.js',
            isEntry: true,
            imports: ['_vendor.js'],
            dynamicImports: ['src/lazy.tsx'],
            css: ['assets/index.css'],
          },
          '_vendor.js': { file: 'assets/vendor.js' },
          'src/lazy.tsx': { file: 'assets/lazy.js', isDynamicEntry: true },
        }),
      );
      writeFileSync(join(dir, 'assets', 'index.js'), 'a'.repeat(10));
      writeFileSync(join(dir, 'assets', 'vendor.js'), 'b'.repeat(20));
      writeFileSync(join(dir, 'assets', 'lazy.js'), 'c'.repeat(40));
      writeFileSync(join(dir, 'assets', 'index.css'), 'd'.repeat(5));
      const entry = measureEntry(dir);
      assert.equal(entry.js.files, 2);
      assert.equal(entry.js.raw, 30);
      assert.equal(entry.css.raw, 5);
    }));
});

describe('serving the floor', () => {
  it('serves files, falls back to index.html for routes, and never leaves dist', () =>
    withDir((dir) => {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<html></html>');
      writeFileSync(join(dir, 'assets', 'a.js'), 'x');
      assert.equal(resolveStatic(dir, '/assets/a.js?v=1'), join(dir, 'assets', 'a.js'));
      assert.equal(resolveStatic(dir, '/items'), join(dir, 'index.html'));
      assert.equal(resolveStatic(dir, '/assets'), join(dir, 'index.html'));
      assert.equal(resolveStatic(dir, '/../../etc/passwd'), join(dir, 'index.html'));
    }));

  it('answers with Brotli to browsers that accept it', () =>
    withDir(async (dir) => {
      mkdirSync(join(dir, 'assets'));
      const script = 'console.log(1);\n'.repeat(200);
      writeFileSync(join(dir, 'index.html'), '<html></html>');
      writeFileSync(join(dir, 'assets', 'a.js'), script);
      const server = await serveStatic(dir);
      try {
        const br = await fetch(`${server.url}/assets/a.js`, { headers: { 'accept-encoding': 'br' } });
        assert.equal(br.headers.get('content-type'), 'text/javascript; charset=utf-8');
        assert.equal(await br.text(), script, 'fetch decodes the Brotli body');
        const raw = await new Promise<Buffer>((resolve, reject) => {
          import('node:http')
            .then(({ get }) =>
              get(`${server.url}/assets/a.js`, { headers: { 'accept-encoding': 'br' } }, (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => resolve(Buffer.concat(chunks)));
              }).on('error', reject),
            )
            .catch(reject);
        });
        assert.ok(raw.length < script.length);
        assert.equal(brotliDecompressSync(raw).toString(), script);
        const page = await fetch(`${server.url}/items`);
        assert.equal(await page.text(), '<html></html>');
        assert.equal(page.headers.get('cache-control'), 'no-cache');
      } finally {
        await server.close();
      }
    }));
});
