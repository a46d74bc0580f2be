// The Action reads coverage files only inside the workspace (issue #12): an
// absolute path, a `../` path or a symlink committed in the repository that
// resolves elsewhere is refused, naming the glob and the path.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandGlobs } from '../../action/expand-globs.ts';

const base = mkdtempSync(join(tmpdir(), 'shipwell-globs-'));
const workspace = join(base, 'ws');
const outside = join(base, 'outside.info');
mkdirSync(join(workspace, 'coverage'), { recursive: true });
writeFileSync(join(workspace, 'coverage', 'lcov.info'), 'SF:a\nDA:1,1\nend_of_record\n');
writeFileSync(outside, 'SF:secret\nend_of_record\n');
symlinkSync(outside, join(workspace, 'coverage', 'evil.info'));
symlinkSync('lcov.info', join(workspace, 'coverage', 'alias.info'));
symlinkSync(base, join(workspace, 'up'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('expandGlobs', () => {
  it('accepts files inside the workspace, symlinks that stay inside included', async () => {
    expect(await expandGlobs({ globs: ['coverage/lcov.info', 'coverage/alias.info'], workspace })).toEqual([
      join(workspace, 'coverage', 'lcov.info'),
      join(workspace, 'coverage', 'alias.info'),
    ]);
  });

  it.each([
    ['an absolute path', outside, outside],
    ['a ../ path', '../outside.info', join(workspace, '../outside.info')],
    ['a symlink to a file outside', 'coverage/evil.info', join(workspace, 'coverage', 'evil.info')],
    ['a glob that catches the symlink', 'coverage/*.info', join(workspace, 'coverage', 'evil.info')],
    ['a symlinked folder', 'up/outside.info', join(workspace, 'up', 'outside.info')],
  ])('refuses %s', async (_, glob, named) => {
    await expect(expandGlobs({ globs: [glob], workspace })).rejects.toThrow(
      `input "coverage-files": expected files inside the workspace ${workspace}, found ${JSON.stringify(glob)} names ${named}, which resolves outside it`,
    );
  });
});
