import { ConfigError } from '../../src/config/index.ts';
import { orgOf } from '../../src/store/index.ts';
import type { BodyEncoding } from '../dashboard/render-report-view.ts';
import type { ReportSource } from '../dashboard/report-source.ts';
import { acceptsGzip } from './accepts-gzip.ts';
import { readQuery } from './read-query.ts';
import { resolveOrg } from './resolve-org.ts';
import { sendJson, sendJsonText } from './send-json.ts';
import type { Route } from './types.ts';

/**
 * `GET /shipwell/api/report?org=…[&now=ISO][&repo=OWNER/NAME]`: the JSON
 * report (docs/report.md) from the stored facts of the org (or one repo), with
 * the org's config (the repo's with `repo`) as last read from GitHub, as of
 * `now` (default: the clock). An org the App does not know is 404.
 */
export function reportRoute({
  source,
  clock,
  listOrgs,
}: {
  source: Pick<ReportSource, 'render'>;
  clock: () => number;
  /** Every org the App has an installation (or stored facts) for. */
  listOrgs: () => Promise<string[]>;
}): Route {
  return {
    method: 'GET',
    path: '/shipwell/api/report',
    protected: true,
    async handle({ request, response, query: params }) {
      const read = readQuery({ params, required: ['org'] });
      if (!read.ok) return sendJson({ response, status: 400, body: { error: read.error } });
      const { repo, now } = read.query;
      if (read.query.org === undefined) return;
      const resolved = resolveOrg({ org: read.query.org, orgs: await listOrgs() });
      if ('error' in resolved) return sendJson({ response, status: 404, body: { error: resolved.error } });
      const { org } = resolved;
      if (repo !== undefined && orgOf(repo).toLowerCase() !== org.toLowerCase()) {
        return sendJson({
          response,
          status: 400,
          body: { error: `repo: expected a repository of ${org}, found "${repo}"` },
        });
      }
      let text: Uint8Array;
      const encoding: BodyEncoding = acceptsGzip(request.headers['accept-encoding']) ? 'gzip' : 'identity';
      try {
        // serialized (and compressed) where it was computed: this thread only sends the bytes
        text = await source.render({ org, repo, now: now ?? clock(), view: { as: 'json' }, encoding });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return sendJson({ response, status: 422, body: { error: error.message } });
      }
      sendJsonText({ response, status: 200, text, encoding });
    },
  };
}
