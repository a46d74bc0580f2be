import type { ReportSource } from '../dashboard/report-source.ts';
import { readQuery } from './read-query.ts';
import { resolveOrg } from './resolve-org.ts';
import { sendJson } from './send-json.ts';
import type { Route } from './types.ts';

const PAGE = 500;

/**
 * `GET /shipwell/api/deliveries.jsonl?org=…`: every stored delivery of the
 * org, oldest first, one `{"id","name","payload","at"}` a line, then one
 * `{"fact": …}` line per fact no delivery says (the REST backfill's) — the
 * CLI's `--deliveries` format (docs/app.md, "Export and audit"): replayed by
 * `shipwell kpis`, it gives the org's report. Read page by page off this
 * thread and streamed with backpressure.
 */
export function deliveriesJsonlRoute({
  source,
  listOrgs,
}: {
  source: Pick<ReportSource, 'exportDeliveries' | 'exportFacts'>;
  /** Every org the App knows: another is 404. */
  listOrgs: () => Promise<string[]>;
}): Route {
  return {
    method: 'GET',
    path: '/shipwell/api/deliveries.jsonl',
    protected: true,
    async handle({ response, query: params }) {
      const read = readQuery({ params, required: ['org'] });
      if (!read.ok) return sendJson({ response, status: 400, body: { error: read.error } });
      const resolved = resolveOrg({ org: read.query.org!, orgs: await listOrgs() });
      if ('error' in resolved) return sendJson({ response, status: 404, body: { error: resolved.error } });
      const { org } = resolved;
      response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
      let after: { receivedAt: number; id: string } | null = null;
      for (;;) {
        const page = await source.exportDeliveries({ org, limit: PAGE, after });
        if (page.text !== '' && !response.write(page.text)) {
          await new Promise<void>((resolve) => response.once('drain', () => resolve()));
        }
        if (page.count < PAGE || page.last === null) break;
        after = page.last;
      }
      // then what the org's report holds that no delivery says: facts from the REST backfill
      let from: { repo: string; content: string } | null = null;
      for (;;) {
        const page = await source.exportFacts({ org, limit: PAGE, after: from });
        if (page.text !== '' && !response.write(page.text)) {
          await new Promise<void>((resolve) => response.once('drain', () => resolve()));
        }
        if (page.count < PAGE || page.last === null) break;
        from = page.last;
      }
      response.end();
    },
  };
}
