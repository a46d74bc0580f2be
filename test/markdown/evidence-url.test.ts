// Every criterion links its evidence: web addresses made from the repo and ids (docs/kpis.md, "Evidence").
import { describe, expect, it } from 'vitest';
import { evidenceUrl } from '../../src/markdown/index.ts';

describe('evidenceUrl', () => {
  const repo = 'acme/api';

  it('gives the page GitHub shows for each kind of evidence', () => {
    const url = (evidence: Parameters<typeof evidenceUrl>[0]['evidence']) => evidenceUrl({ repo, evidence });
    expect(url({ kind: 'workflow-run', runId: 42, attempt: 1 })).toBe('https://github.com/acme/api/actions/runs/42');
    expect(url({ kind: 'workflow-run', runId: 42, attempt: 3 })).toBe(
      'https://github.com/acme/api/actions/runs/42/attempts/3',
    );
    expect(url({ kind: 'deployment', deploymentId: 7, environment: 'production' })).toBe(
      'https://github.com/acme/api/deployments/production',
    );
    expect(url({ kind: 'pull-request', number: 12 })).toBe('https://github.com/acme/api/pull/12');
    expect(url({ kind: 'issue', number: 13 })).toBe('https://github.com/acme/api/issues/13');
    expect(url({ kind: 'check-run', checkRunId: 99 })).toBe('https://github.com/acme/api/runs/99');
    expect(url({ kind: 'release', tag: 'v1.2.0' })).toBe('https://github.com/acme/api/releases/tag/v1.2.0');
  });

  it("points at a GitHub Enterprise Server's web root", () => {
    expect(
      evidenceUrl({ webUrl: 'https://ghe.example.com/', repo, evidence: { kind: 'pull-request', number: 1 } }),
    ).toBe('https://ghe.example.com/acme/api/pull/1');
  });

  it('encodes names from data, parentheses too, so a Markdown link cannot be cut short', () => {
    expect(
      evidenceUrl({ repo, evidence: { kind: 'deployment', deploymentId: 1, environment: 'prod (eu)/x?y#z' } }),
    ).toBe('https://github.com/acme/api/deployments/prod%20%28eu%29%2Fx%3Fy%23z');
    expect(evidenceUrl({ repo, evidence: { kind: 'release', tag: 'v1)](javascript:alert(1))' } })).not.toMatch(/[()]/);
  });
});
