import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { BUILD_INFO, describeBuild, shortCommit } from '../build-info';

describe('build info', () => {
  it("is the package.json version and a commit sha or null, as the build's define put them", () => {
    expect(BUILD_INFO.version).toBe(pkg.version);
    if (BUILD_INFO.commit !== null) expect(BUILD_INFO.commit).toMatch(/^[0-9a-f]{7,64}$/);
  });

  it('describes a build with its short commit, or its version alone', () => {
    expect(describeBuild({ version: '1.2.3', commit: '0123456789abcdef0123' })).toBe('1.2.3 (0123456789ab)');
    expect(describeBuild({ version: '1.2.3', commit: null })).toBe('1.2.3');
    expect(shortCommit(undefined)).toBeNull();
  });
});
