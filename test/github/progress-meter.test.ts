import { describe, expect, it } from 'vitest';
import { createProgressMeter, describeProgress } from '../../src/github/index.ts';

const MINUTE = 60_000;
const seen = (rateLimitRemaining: number | null, rateLimitReset: number | null = null) => ({
  status: 200,
  rateLimitRemaining,
  rateLimitReset,
});

describe('createProgressMeter', () => {
  it('counts repositories and requests and estimates the time to go from the pace so far', () => {
    let now = 1_000_000;
    const meter = createProgressMeter({ clock: () => now });
    expect(describeProgress(meter.snapshot())).toBe('listing repositories, 0 requests');
    meter.responded(seen(4999));
    meter.planned({ repos: 10 });
    expect(meter.snapshot()).toMatchObject({ reposDone: 0, reposTotal: 10, requests: 1, remaining: null });
    for (let i = 0; i < 20; i++) meter.responded(seen(4978 - i));
    now += 4 * MINUTE;
    meter.repoDone({ repo: 'acme/a' });
    meter.repoDone({ repo: 'acme/b' });
    const snapshot = meter.snapshot();
    // 2 repositories in 4 minutes: 8 left take 16 minutes; 84 requests needed, 4,959 left
    expect(snapshot).toMatchObject({ reposDone: 2, requests: 21, rateLimitRemaining: 4959, waitsForRateLimit: false });
    expect(snapshot.remaining).toBe(16 * MINUTE);
    expect(describeProgress(snapshot)).toBe(
      '2/10 repositories, 21 requests, rate limit 4,959 left, about 16 min to go',
    );
  });

  it('waits for the rate limit reset when the budget left cannot pay for the rest', () => {
    let now = Date.parse('2026-03-20T12:00:00Z');
    const reset = Date.parse('2026-03-20T13:05:00Z');
    const meter = createProgressMeter({ clock: () => now });
    meter.planned({ repos: 100 });
    for (let i = 0; i < 1000; i++) meter.responded(seen(40, reset));
    now += MINUTE;
    meter.repoDone({ repo: 'acme/a' });
    const snapshot = meter.snapshot();
    // the pace says 99 minutes; the 99,000 requests left need the reset 65 minutes away, which is sooner
    expect(snapshot.remaining).toBe(99 * MINUTE);
    expect(snapshot.waitsForRateLimit).toBe(false);
    meter.repoDone({ repo: 'acme/b' });
    meter.planned({ repos: 3 });
    // one repository left, 500 requests needed, 40 left: no sooner than the reset, 64 minutes away
    const limited = meter.snapshot();
    expect(limited).toMatchObject({ waitsForRateLimit: true, remaining: 64 * MINUTE });
    expect(describeProgress(limited)).toBe(
      '2/3 repositories, 1,000 requests, rate limit 40 left, about 1 h 4 min to go (waits for the rate limit to reset at 13:05 UTC)',
    );
  });

  it('calls onChange after every event and words one repository in the singular', () => {
    const calls: number[] = [];
    const meter = createProgressMeter({ clock: () => 0, onChange: (m) => calls.push(m.snapshot().requests) });
    meter.planned({ repos: 1 });
    meter.responded(seen(null));
    meter.repoDone({ repo: 'acme/a' });
    expect(calls).toEqual([0, 1, 1]);
    expect(describeProgress(meter.snapshot())).toBe('1/1 repository, 1 request, less than a minute to go');
  });
});
