// The API's `now` query parameter is a real instant: a time the calendar does
// not have is a 400 naming it (read-query's error), never a rolled-over date.
import { describe, expect, it } from 'vitest';
import { readQuery } from '../../app/routes/read-query.ts';

const read = (query: string) => readQuery({ params: new URLSearchParams(query), required: ['org'] });

describe('readQuery now=', () => {
  it('reads an instant', () => {
    expect(read('org=acme&now=2024-02-29T10:00:00Z')).toEqual({
      ok: true,
      query: { org: 'acme', now: Date.UTC(2024, 1, 29, 10) },
    });
  });

  it.each([
    ['2026-02-30T10:00:00Z', 'February 2026 has 28 days'],
    ['2026-03-20T24:00:00Z', 'hours run from 00 to 23'],
  ])('refuses %s as not a real calendar time', (now, why) => {
    expect(read(`org=acme&now=${encodeURIComponent(now)}`)).toEqual({
      ok: false,
      error: `now: "${now}" is not a real calendar time (${why})`,
    });
  });

  it('still says what form it expects for text that is no time at all', () => {
    expect(read('org=acme&now=yesterday')).toEqual({
      ok: false,
      error: 'now: expected an ISO-8601 instant with a zone (e.g. 2026-03-20T00:00:00Z), found "yesterday"',
    });
  });
});
