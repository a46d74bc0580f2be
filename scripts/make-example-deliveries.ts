// Writes examples/worked-example.jsonl: the scenario of the KPI contract's
// worked example (kpis.md §10) as recorded webhook deliveries, built from real
// payloads of @octokit/webhooks-examples. The README's quick start runs
// `shipwell kpis` on it; test/cli/example.test.ts checks it is current.
import { writeFileSync } from 'node:fs';
import { workedExampleDeliveries } from '../test/kpi/worked-example.ts';

export function exampleJsonl(): string {
  // Fixed delivery ids (GitHub's are UUIDs), so the file is the same however it is made.
  const ids = (i: number) => `5f9c0000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
  return `${workedExampleDeliveries()
    .map((d, i) => JSON.stringify({ ...d, id: ids(i) }))
    .join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('examples/worked-example.jsonl', exampleJsonl());
}
