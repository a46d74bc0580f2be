import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const inputs = Object.keys(
  (parse(readFileSync(new URL('action.yml', root), 'utf8')) as { inputs: Record<string, unknown> }).inputs,
);
const dir = new URL('docs/workflows/', root);
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
}

describe('the example workflows of docs/action.md', () => {
  it('exist for release, daily schedule, coverage and rollback', () => {
    expect(files.sort()).toEqual([
      'shipwell-coverage.yml',
      'shipwell-daily.yml',
      'shipwell-release.yml',
      'shipwell-rollback.yml',
    ]);
  });

  it.each(files)('%s declares permissions with checks: write and passes only inputs action.yml declares', (file) => {
    const workflow = parse(readFileSync(new URL(file, dir), 'utf8')) as Workflow;
    expect(workflow.permissions?.checks).toBe('write');
    const steps = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.filter((s) => s.uses?.startsWith('shipwell/')),
    );
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key);
  });
});
