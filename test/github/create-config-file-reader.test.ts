import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { createConfigFileReader } from '../../src/github/index.ts';
import * as gh from './nock-github.ts';

afterEach(() => {
  expect(nock.isDone(), `pending mocks: ${nock.pendingMocks().join(', ')}`).toBe(true);
  nock.cleanAll();
});

const PATH = '.github/shipwell.yml';
const RAW = { 'content-type': 'application/vnd.github.raw; charset=utf-8' };
const read = () => createConfigFileReader({ octokit: gh.testOctokit() });
const at = { owner: gh.OWNER, repo: gh.REPO, path: PATH };

describe('createConfigFileReader: the contents API as a config source', () => {
  it('reads the raw text of a file', async () => {
    gh.mockRawContents({ path: PATH, status: 200, body: 'minCoverage: 70\n', headers: RAW });
    expect(await read()(at)).toEqual({ found: 'file', text: 'minCoverage: 70\n' });
  });

  it('takes 404 for no file, and 403 for refused with what GitHub said', async () => {
    gh.mockRawContents({ path: PATH, status: 404, body: { message: 'Not Found' } });
    expect(await read()(at)).toEqual({ found: 'none' });
    gh.mockRawContents({ path: PATH, status: 403, body: { message: 'Resource not accessible by integration' } });
    expect(await read()(at)).toEqual({
      found: 'refused',
      reason: 'GitHub answered 403: Resource not accessible by integration',
    });
  });

  it('throws on a rate limit and a server error: neither says whether the file exists', async () => {
    gh.mockRawContents({ path: PATH, status: 403, body: { message: 'API rate limit exceeded for installation' } });
    await expect(read()(at)).rejects.toMatchObject({ status: 403 });
    gh.mockRawContents({ path: PATH, status: 502, body: { message: 'Bad Gateway' } });
    await expect(read()(at)).rejects.toMatchObject({ status: 502 });
  });

  it('refuses a directory: not a file', async () => {
    gh.mockRawContents({ path: PATH, status: 200, body: [{ type: 'file', name: 'x.yml' }] });
    expect(await read()(at)).toEqual({ found: 'refused', reason: 'a directory or submodule, not a file' });
  });

  it("serves loadConfig: the repository's file, else the org's .github repository's, _extends followed", async () => {
    gh.mockRawContents({ path: PATH, status: 404, body: { message: 'Not Found' } });
    gh.mockRawContents({
      repo: '.github',
      path: PATH,
      status: 200,
      body: '_extends: settings\nhistory: 2\n',
      headers: RAW,
    });
    gh.mockRawContents({ repo: 'settings', path: PATH, status: 200, body: 'minCoverage: 60\n', headers: RAW });
    const loaded = await loadConfig({ owner: gh.OWNER, repo: gh.REPO, read: read() });
    expect(loaded.config).toMatchObject({ history: 2, minCoverage: 60 });
    expect(loaded.files).toEqual([`${gh.OWNER}/.github/${PATH}`, `${gh.OWNER}/settings/${PATH}`]);
  });
});
