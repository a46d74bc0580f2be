import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const inputs = Object.keys(
  (parse(readFileSync(new URL('action.yml', root), 'utf8')) as { inputs: Record<string, unknown> }).inputs,
);
const dir = new URL('docs/workflows/', root);
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const read = (file: string) => readFileSync(new URL(file, dir), 'utf8');

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const shipwellSteps = (workflow: Workflow) => steps(workflow).filter((s) => s.uses?.startsWith('shipwell/'));

describe('the example workflows of docs/action.md', () => {
  it('exist for a quick start, release, daily schedule, coverage, rollback and an org-wide report', () => {
    expect(files.sort()).toEqual([
      'shipwell-coverage.yml',
      'shipwell-daily.yml',
      'shipwell-org.yml',
      'shipwell-quickstart.yml',
      'shipwell-release.yml',
      'shipwell-rollback.yml',
    ]);
  });

  it.each(files)('%s declares its permissions and passes only inputs action.yml declares', (file) => {
    const workflow = parse(read(file)) as Workflow;
    expect(workflow.permissions).toBeDefined();
    expect(shipwellSteps(workflow).length).toBeGreaterThan(0);
    for (const step of shipwellSteps(workflow))
      for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key);
  });

  it.each(files)(
    '%s: a repository mode may write check runs; an org report writes nothing, with an App token',
    (file) => {
      const workflow = parse(read(file)) as Workflow;
      const org = shipwellSteps(workflow).filter((s) => s.with?.org !== undefined);
      if (org.length === 0) {
        expect(workflow.permissions?.checks).toBe('write');
        return;
      }
      expect(Object.values(workflow.permissions ?? {})).not.toContain('write');
      const app = steps(workflow).find((s) => s.uses?.startsWith('actions/create-github-app-token@'));
      expect(app?.with).toMatchObject({ owner: expect.any(String) });
      for (const step of org) expect(step.with?.['github-token']).toBe(`\${{ steps.${app?.id}.outputs.token }}`);
    },
  );

  it('adopts Shipwell in at most 5 lines of YAML', () => {
    expect(read('shipwell-quickstart.yml').trimEnd().split('\n').length).toBeLessThanOrEqual(5);
  });
});
