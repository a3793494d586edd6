/**
 * No dependency downloads a binary at install time: better-sqlite3's installer
 * (prebuild-install) must read the project's .prebuild-installrc and compile from source.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

describe('installing', () => {
  it('better-sqlite3 is built from source, never downloaded', () => {
    const bin = path.join(repoRoot, 'node_modules/.bin/prebuild-install');
    const result = spawnSync(bin, ['--verbose'], { cwd: path.join(repoRoot, 'node_modules/better-sqlite3'), encoding: 'utf8' });
    expect(result.stderr + result.stdout).toContain('--build-from-source specified, not attempting download');
  });
});
