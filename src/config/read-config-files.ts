import { composeConfigGet } from '@probot/octokit-plugin-config';
import { ConfigError } from './config-error.ts';
import type { ConfigFileReader, ConfigLocation, ConfigRead, ConfigReads } from './config-reads.ts';

type PluginClient = Parameters<typeof composeConfigGet>[0];

interface ContentsRequest {
  owner: string;
  repo: string;
  path: string;
}

/** An error of the reader itself (network, 5xx): passed through the plugin untouched. */
class ReaderFailure extends Error {
  readonly original: unknown;
  constructor(original: unknown) {
    super('config reader failed');
    this.original = original;
  }
}

/** GitHub refused: ends the walk where it is. */
class Refused extends Error {
  readonly status = 403;
}

const PLUGIN_PREFIX = /^\[@probot\/octokit-plugin-config\]\s*/;

/**
 * Walks the config files of `owner/repo` as Probot's `context.config` does
 * (@probot/octokit-plugin-config): the repository's own file at `path`; when
 * there is none, the org's `.github` repository's at the same path; then
 * every `_extends` (`repo`, `owner/repo`, `repo:path.yml`) until a file
 * without one. Each file is read through `read` (the source the caller
 * hands in) and kept as text, so errors keep their lines. The walk stops at
 * the first file GitHub refuses to show, and at an invalid `_extends` or a
 * loop (`problem`). Throws only what `read` throws (network, 5xx).
 */
export async function readConfigFiles({
  owner,
  repo,
  path,
  read,
}: ConfigLocation & { read: ConfigFileReader }): Promise<ConfigReads> {
  const reads: ConfigRead[] = [];
  const nameOf = (at: ContentsRequest) => `${at.owner}/${at.repo}/${at.path}`;
  const request = async (at: ContentsRequest) => {
    const role =
      reads.length === 0
        ? 'own'
        : reads.length === 1 && reads[0]!.text === null && at.repo === '.github' && at.owner === owner
          ? 'org'
          : 'extends';
    let found: Awaited<ReturnType<ConfigFileReader>>;
    try {
      found = await read({ owner: at.owner, repo: at.repo, path: at.path });
    } catch (error) {
      throw new ReaderFailure(error);
    }
    if (found.found === 'none') {
      reads.push({ name: nameOf(at), role, text: null });
      throw Object.assign(new Error('Not Found'), { status: 404 });
    }
    if (found.found === 'refused') {
      reads.push({ name: nameOf(at), role, text: null, refused: found.reason });
      throw new Refused(found.reason);
    }
    reads.push({ name: found.name ?? nameOf(at), role, text: found.text });
    // The plugin reads YAML from text and JSON from a parsed body, as GitHub's raw media type gives them.
    const data = /\.json$/i.test(at.path) ? parseJson(found.text) : found.text;
    return { data, headers: {} };
  };
  const client = Object.assign(request, { endpoint: (at: ContentsRequest) => ({ url: nameOf(at) }) });
  try {
    await composeConfigGet({ request: client } as unknown as PluginClient, { owner, repo, path });
  } catch (error) {
    if (error instanceof ReaderFailure) throw error.original;
    if (error instanceof Refused) return { reads, problem: null };
    return { reads, problem: describeProblem({ error, name: reads.at(-1)?.name ?? nameOf({ owner, repo, path }) }) };
  }
  return { reads, problem: null };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** What the plugin refused in the file `name` (the last one read), said as a config problem. */
function describeProblem({ error, name }: { error: unknown; name: string }): ConfigReads['problem'] {
  if (error instanceof ConfigError) return { name, key: '', message: error.message };
  const text = (error instanceof Error ? error.message : String(error)).replace(PLUGIN_PREFIX, '');
  if (/^Recursion detected/.test(text)) {
    const loop = / because (.+) was already loaded/.exec(text)?.[1];
    return { name, key: '_extends', message: `leads back to ${loop ?? 'a file already read'}: a loop` };
  }
  const invalid = /^Invalid value (.+) for _extends/.exec(text);
  if (invalid) {
    return {
      name,
      key: '_extends',
      message: `expected "repo", "owner/repo" or "repo:path/to/file.yml", found ${invalid[1]}`,
    };
  }
  return { name, key: '', message: text };
}
