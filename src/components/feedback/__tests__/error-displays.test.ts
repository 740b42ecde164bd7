import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every error the console shows carries the request's reference (error-reference.tsx): error
 * notifications go through showErrorNotification, and a component that words an error itself
 * (describeError) also renders the reference, or the shared QueryErrorAlert that does.
 */
const SRC = resolve(__dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' || name === '__tests__' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
/** Files that word an error as a detail of something else, with why they need no reference. */
const DETAIL_ONLY: Record<string, string> = {
  'app/about-dialog.tsx': "a line of About's details (/version could not be read), beside the versions it shows",
};
const files = sources(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));

describe('error displays', () => {
  it('notify errors only through showErrorNotification', () => {
    const red = files.filter((f) => /notifications\.show\(\{[^}]*color: 'red'/.test(f.text)).map((f) => f.path);
    expect(red).toEqual([]);
  });

  it('show the reference wherever they word an error themselves', () => {
    const missing = files
      .filter((f) => f.path.endsWith('.tsx') && f.text.includes('describeError('))
      .filter((f) => !(f.path in DETAIL_ONLY))
      .filter((f) => !/ErrorReference|showErrorNotification|QueryErrorAlert/.test(f.text))
      .map((f) => f.path);
    expect(missing).toEqual([]);
  });
});
