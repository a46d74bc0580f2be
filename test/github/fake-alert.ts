import { formatInstant, type Instant } from '../../src/time/index.ts';

const iso = (at: Instant) => formatInstant(Math.floor(at / 1000) * 1000).replace('.000Z', 'Z');

/** A Dependabot alert as GitHub's REST API shows it: open, or fixed at `fixed`. */
export function fakeAlert({
  number,
  opened,
  fixed,
  severity,
}: {
  number: number;
  opened: Instant;
  fixed: Instant | null;
  severity: string;
}): Record<string, unknown> {
  return {
    number,
    state: fixed === null ? 'open' : 'fixed',
    security_advisory: { severity },
    created_at: iso(opened),
    updated_at: iso(fixed ?? opened),
    fixed_at: fixed === null ? null : iso(fixed),
    dismissed_at: null,
    auto_dismissed_at: null,
  };
}
