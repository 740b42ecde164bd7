import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { encode } from '@jridgewell/sourcemap-codec';
import { attributeBytes, dynamicKey, entryKeys, packageOf, sizes, staticClosure, type Manifest } from '../lib/bundle';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_shared.js'],
    dynamicImports: ['src/routes/list.tsx', 'src/routes/other.tsx'],
    css: ['assets/index.css'],
  },
  '_shared.js': { file: 'assets/shared.js' },
  '_table.js': { file: 'assets/table.js', imports: ['_shared.js', 'index.html'], css: ['assets/table.css'] },
  'src/routes/list.tsx': { file: 'assets/list.js', isDynamicEntry: true, imports: ['index.html', '_table.js'] },
  'src/routes/other.tsx': { file: 'assets/other.js', isDynamicEntry: true, imports: ['_big.js'] },
  '_big.js': { file: 'assets/big.js' },
};

describe('bundle walk', () => {
  it('follows static imports (with their CSS) and not dynamic ones', () => {
    const key = dynamicKey(manifest, 'routes/list.tsx');
    assert.equal(key, 'src/routes/list.tsx');
    const files = staticClosure(manifest, [...entryKeys(manifest), key!]).sort();
    assert.deepEqual(files, [
      'assets/index.css',
      'assets/index.js',
      'assets/list.js',
      'assets/shared.js',
      'assets/table.css',
      'assets/table.js',
    ]);
  });

  it("finds a route module put into a group's chunk by the chunk's sources", () => {
    const grouped: Manifest = {
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_core.js'], dynamicImports: ['_list.js'] },
      '_core.js': { file: 'assets/core.js' },
      '_list.js': { file: 'assets/list.js', imports: ['_core.js'] },
    };
    const sources: Record<string, string[]> = {
      'assets/core.js': ['../src/main.tsx'],
      'assets/list.js': ['../src/routes/list.tsx', '../src/list/table.tsx'],
    };
    assert.equal(dynamicKey(grouped, 'routes/list.tsx'), undefined);
    assert.equal(
      dynamicKey(grouped, 'routes/list.tsx', (file) => sources[file] ?? []),
      '_list.js',
    );
  });

  it('takes the chunks index.html loads when the manifest has no entry', () => {
    // Vite writes an entry that only imports other chunks into index.html as their scripts.
    const inlined: Manifest = {
      '_runtime.js': { file: 'assets/runtime.js' },
      '_core.js': { file: 'assets/core.js', imports: ['_runtime.js'], css: ['assets/core.css'] },
      '_list.js': { file: 'assets/list.js', imports: ['_core.js'] },
    };
    const html =
      '<script type="module" crossorigin src="/base/assets/runtime.js"></script>' +
      '<script type="module" crossorigin src="/base/assets/core.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/base/assets/list.js">';
    assert.deepEqual(entryKeys(inlined, html).sort(), ['_core.js', '_runtime.js']);
    assert.deepEqual(staticClosure(inlined, entryKeys(inlined, html)).sort(), [
      'assets/core.css',
      'assets/core.js',
      'assets/runtime.js',
    ]);
    assert.throws(() => entryKeys(inlined, '<html></html>'), /names an entry chunk/);
  });

  it('fails on a key the manifest does not have', () => {
    assert.throws(() => staticClosure(manifest, ['missing.js']), /no entry "missing.js"/);
  });
});

describe('source map attribution', () => {
  it('gives each segment the bytes up to the next one, the rest to (unmapped)', () => {
    const code = 'var a=1;var b=2;\n/*x*/é';
    // line 0: col 0 → source 0, col 8 → source 1; line 1: col 5 → source 1 (é is 2 bytes in UTF-8)
    const mappings = encode([
      [
        [0, 0, 0, 0],
        [8, 1, 0, 0],
      ],
      [[5, 1, 0, 0]],
    ]);
    const totals = attributeBytes(
      code,
      { sources: ['../../src/a.ts', '../../node_modules/@scope/pkg/index.js'], mappings },
      '/repo/dist/assets',
      '/repo',
    );
    assert.equal(totals.get('src/a.ts'), 8);
    assert.equal(totals.get('node_modules/@scope/pkg/index.js'), 8 + 1 + 2);
    assert.equal(totals.get('(unmapped)'), 5);
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    assert.equal(sum, Buffer.byteLength(code));
  });

  it('names packages and app folders', () => {
    assert.equal(packageOf('node_modules/@mantine/core/esm/index.mjs'), '@mantine/core');
    assert.equal(packageOf('node_modules/.pnpm/x/node_modules/react-dom/cjs/a.js'), 'react-dom');
    assert.equal(packageOf('src/features/groups/list/x.ts'), '(app) src/features');
  });
});

describe('bundle sizes', () => {
  it('count the build’s Brotli copy as what is served, and the raw file where there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-sizes-'));
    try {
      mkdirSync(join(dir, 'assets'));
      const script = 'export const x = 1;\n'.repeat(100);
      writeFileSync(join(dir, 'assets', 'a.js'), script);
      writeFileSync(join(dir, 'assets', 'a.js.br'), brotliCompressSync(script));
      writeFileSync(join(dir, 'assets', 'b.js'), 'let y;');
      writeFileSync(join(dir, 'assets', 'c.css'), 'a{}');
      const { js, css } = sizes(dir, ['assets/a.js', 'assets/b.js', 'assets/c.css']);
      assert.equal(js.files, 2);
      assert.equal(js.raw, script.length + 6);
      assert.equal(js.served, brotliCompressSync(script).length + 6);
      assert.ok(js.gzip < js.raw);
      assert.equal(css.served, 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
