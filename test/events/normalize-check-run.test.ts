import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/events/index.ts';
import { eventFactsOf, ignoredReasonOf } from './facts-of.ts';
import { loadWebhook, webhookDelivery } from './load-webhook.ts';

// The examples hold no Shipwell check runs: these are the real completed check
// run renamed, with the summary the Action writes.
const checkRun = loadWebhook('check_run.completed').check_run as { id: number; head_sha: string; completed_at: string };

function shipwellCheckRun(name: string, summary: string | null) {
  return webhookDelivery('check_run.completed', { overrides: { check_run: { name, output: { summary } } } });
}

describe('shipwell/coverage check runs', () => {
  it('reads the first Lines: COVERED/TOTAL line', () => {
    const delivery = shipwellCheckRun(
      'shipwell/coverage',
      '## Coverage\nBranches: 10/20\nLines: 812/1000 (81.2%)\nLines: 1/2',
    );
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'coverage',
        repo: 'Codertocat/Hello-World',
        origin: delivery.id,
        checkRunId: checkRun.id,
        sha: checkRun.head_sha,
        covered: 812,
        total: 1000,
        at: Date.parse(checkRun.completed_at),
      },
    ]);
  });

  it.each([null, '', 'All good', 'Lines: n/a'])(
    'a summary without a coverage line (%o) is ignored, not an error',
    (summary) => {
      expect(ignoredReasonOf(normalizeDelivery(shipwellCheckRun('shipwell/coverage', summary)))).toMatch(
        /Lines: COVERED\/TOTAL/,
      );
    },
  );

  it('a coverage check run that is not completed is ignored', () => {
    const delivery = webhookDelivery('check_run.created', {
      overrides: { check_run: { name: 'shipwell/coverage', output: { summary: 'Lines: 1/2' } } },
    });
    expect(ignoredReasonOf(normalizeDelivery(delivery))).toMatch(/only "completed"/);
  });

  it('a completed Shipwell check run without completed_at is an error', () => {
    const delivery = webhookDelivery('check_run.completed', {
      overrides: { check_run: { name: 'shipwell/coverage', completed_at: null, output: { summary: 'Lines: 1/2' } } },
    });
    expect(() => normalizeDelivery(delivery)).toThrow(
      'payload.check_run.completed_at: expected an ISO-8601 time, found null',
    );
  });
});

describe('shipwell/rollback check runs', () => {
  it('reads Release and Reason', () => {
    const delivery = shipwellCheckRun('shipwell/rollback', 'Release: v1.2.0\nReason: payment errors: 5xx after deploy');
    expect(eventFactsOf(normalizeDelivery(delivery))).toEqual([
      {
        type: 'recorded-rollback',
        repo: 'Codertocat/Hello-World',
        origin: delivery.id,
        checkRunId: checkRun.id,
        sha: checkRun.head_sha,
        tag: 'v1.2.0',
        reason: 'payment errors: 5xx after deploy',
        at: Date.parse(checkRun.completed_at),
      },
    ]);
  });

  it('without a Release line the tag is null (the engine targets the head sha)', () => {
    const delivery = shipwellCheckRun('shipwell/rollback', null);
    expect(eventFactsOf(normalizeDelivery(delivery))).toMatchObject([{ tag: null, reason: null }]);
  });
});

describe('other check runs', () => {
  it('a check run of another name is ignored with its name in the reason', () => {
    expect(ignoredReasonOf(normalizeDelivery(webhookDelivery('check_run.completed')))).toContain('Octocoders-linter');
  });
});
