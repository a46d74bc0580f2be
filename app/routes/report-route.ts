import { type Config, ConfigError, configFromObject, defaultConfig } from '../../src/config/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { orgOf, type Store } from '../../src/store/index.ts';
import { readQuery } from './read-query.ts';
import { sendJson } from './send-json.ts';
import type { Route } from './types.ts';

async function configFor({
  store,
  org,
  repo,
}: {
  store: Store;
  org: string;
  repo: string | undefined;
}): Promise<Config> {
  const stored = (repo ? await store.readConfig({ scope: repo }) : null) ?? (await store.readConfig({ scope: org }));
  if (!stored) return defaultConfig();
  return configFromObject({
    value: stored.value,
    file: `${stored.scope}${repo ? '' : '/.github'}/.github/shipwell.yml`,
  });
}

/**
 * `GET /shipwell/api/report?org=…[&now=ISO][&repo=OWNER/NAME]`: the JSON
 * report of interfaces.md from the stored facts of the org (or one repo), with
 * the org's config (the repo's with `repo`) as last read from GitHub, as of
 * `now` (default: the clock).
 */
export function reportRoute({ store, clock }: { store: Store; clock: () => number }): Route {
  return {
    method: 'GET',
    path: '/shipwell/api/report',
    protected: true,
    async handle({ response, query: params }) {
      const read = readQuery({ params, required: ['org'] });
      if (!read.ok) return sendJson({ response, status: 400, body: { error: read.error } });
      const { org, repo, now } = read.query;
      if (org === undefined) return;
      if (repo !== undefined && orgOf(repo).toLowerCase() !== org.toLowerCase()) {
        return sendJson({
          response,
          status: 400,
          body: { error: `repo: expected a repository of ${org}, found "${repo}"` },
        });
      }
      let config: Config;
      try {
        config = await configFor({ store, org, repo });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return sendJson({ response, status: 422, body: { error: error.message } });
      }
      const facts = await store.readFacts(repo ? { repo } : { org });
      const report = computeReport({ facts, config, now: now ?? clock(), ...(repo ? { repo } : {}) });
      sendJson({ response, status: 200, body: report });
    },
  };
}
