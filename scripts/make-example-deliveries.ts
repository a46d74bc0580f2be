// Writes examples/worked-example.jsonl: the scenario of the KPI contract's
// worked example (docs/kpis.md, "A worked example") as recorded webhook deliveries, built from real
// payloads of @octokit/webhooks-examples. The README's quick start runs
// `shipwell kpis` on it; test/cli/example.test.ts checks it is current.
import { writeFileSync } from 'node:fs';
import { workedExampleDeliveries } from '../test/kpi/worked-example.ts';

/** When GitHub would have delivered it: as the thing it tells of happened. */
function deliveredAt(payload: Record<string, Record<string, string> | undefined>): string {
  const at =
    payload.release?.published_at ??
    payload.check_run?.completed_at ??
    payload.deployment_status?.created_at ??
    payload.workflow_run?.updated_at ??
    payload.alert?.updated_at;
  if (at === undefined) throw new Error('a delivery of the example tells of nothing with a time');
  return new Date(at).toISOString();
}

export function exampleJsonl(): string {
  // Fixed delivery ids (GitHub's are UUIDs), so the file is the same however it is made.
  const ids = (i: number) => `5f9c0000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
  return `${workedExampleDeliveries()
    .map((d, i) =>
      JSON.stringify({
        id: ids(i),
        name: d.name,
        payload: d.payload,
        at: deliveredAt(d.payload as Parameters<typeof deliveredAt>[0]),
      }),
    )
    .join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('examples/worked-example.jsonl', exampleJsonl());
}
