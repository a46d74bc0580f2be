import type { Store, StoreSlices } from '../../src/store/index.ts';
import { exportDeliveries } from './export-deliveries.ts';
import { loadOrgReport } from './load-org-report.ts';
import { renderReportView } from './render-report-view.ts';
import type { ReportSource } from './report-source.ts';

/** Reports and exports read from a store on the calling thread (the reader thread's, or a test's). */
export function createReportSource({
  store,
}: {
  store: Pick<StoreSlices, 'configs' | 'facts' | 'states' | 'repos' | 'log'> & Pick<Store, 'health'>;
}): ReportSource {
  return {
    report: ({ org, repo, now }) => loadOrgReport({ store, org, now, ...(repo ? { repo } : {}) }),
    summary: async ({ org, now }) => ({ ...(await loadOrgReport({ store, org, now })), releases: [] }),
    render: async ({ org, repo, now, view, encoding }) =>
      renderReportView({
        report: await loadOrgReport({ store, org, now, ...(repo ? { repo } : {}) }),
        org,
        view,
        encoding,
      }),
    health: () => store.health(),
    exportDeliveries: ({ org, limit, after }) => exportDeliveries({ log: store.log, org, limit, after }),
    async exportFacts({ org, limit, after }) {
      const page = await store.facts.exportPage({ org, limit, after });
      return {
        text: page.facts.map((fact) => `{"fact":${JSON.stringify(fact)}}\n`).join(''),
        count: page.count,
        last: page.last,
      };
    },
  };
}
