// Realistic, distinct deliveries for the load benchmarks: each a different
// completed run of one of `repos` repositories of one org (as a monorepo's CI
// or a release day sends them), built from GitHub's own example payload.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Delivery `n`'s body, and the signature GitHub would send with a body. */
export interface PayloadMaker {
  body(n: number): string;
  sign(body: string): string;
}

export function workflowRunPayloads({
  repos,
  secret,
  start = Date.parse('2026-03-01T00:00:00Z'),
}: {
  repos: number;
  secret: string;
  /** When run 0 started; run n starts n seconds later. */
  start?: number;
}): PayloadMaker {
  const example = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/webhooks/workflow_run.completed.json'), 'utf8'));
  example.installation = { id: 1 };
  example.repository.name = '@NAME@';
  example.repository.full_name = 'Codertocat/@NAME@';
  example.workflow_run.id = '@RUN@';
  example.workflow_run.run_number = '@RUN@';
  example.workflow_run.run_started_at = '@STARTED@';
  example.workflow_run.updated_at = '@STARTED@';
  const template = JSON.stringify(example).replaceAll('"@RUN@"', '@RUN@');
  return {
    body: (n) =>
      template
        .replaceAll('@NAME@', `repo-${n % repos}`)
        .replaceAll('@RUN@', String(1_000_000 + n))
        .replaceAll('@STARTED@', new Date(start + n * 1000).toISOString()),
    sign: (body) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
  };
}
