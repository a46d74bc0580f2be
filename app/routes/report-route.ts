import { ConfigError } from '../../src/config/index.ts';
import type { Report } from '../../src/report/types.ts';
import { orgOf, type Store } from '../../src/store/index.ts';
import { loadOrgReport } from '../dashboard/load-org-report.ts';
import type { ComputeReport } from '../start-report-thread.ts';
import { readQuery } from './read-query.ts';
import { sendJson } from './send-json.ts';
import type { Route } from './types.ts';

/**
 * `GET /shipwell/api/report?org=…[&now=ISO][&repo=OWNER/NAME]`: the JSON
 * report of interfaces.md from the stored facts of the org (or one repo), with
 * the org's config (the repo's with `repo`) as last read from GitHub, as of
 * `now` (default: the clock).
 */
export function reportRoute({
  store,
  clock,
  compute,
}: {
  store: Store;
  clock: () => number;
  /** The App's report thread (else computed on this thread). */
  compute?: ComputeReport;
}): Route {
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
      let report: Report;
      try {
        report = await loadOrgReport({ store, org, now: now ?? clock(), compute, ...(repo ? { repo } : {}) });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return sendJson({ response, status: 422, body: { error: error.message } });
      }
      sendJson({ response, status: 200, body: report });
    },
  };
}
