import { formatCount } from '../../markdown/format-count.ts';
import type { ProgressSnapshot } from './create-progress-meter.ts';

function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;
}

/**
 * One line saying where a collection stands, for a terminal or a log:
 * `12/340 repositories, 1,234 requests, rate limit 3,210 left, about 25 min to go`.
 */
export function describeProgress(snapshot: ProgressSnapshot): string {
  const parts = [
    snapshot.reposTotal === null
      ? 'listing repositories'
      : `${formatCount(snapshot.reposDone)}/${formatCount(snapshot.reposTotal)} ${snapshot.reposTotal === 1 ? 'repository' : 'repositories'}`,
  ];
  if (snapshot.reposTotal !== null && snapshot.recentDone > 0) {
    parts.push(
      snapshot.partialReady
        ? 'recent periods of all read (partial report ready)'
        : `recent periods of ${formatCount(snapshot.recentDone)}/${formatCount(snapshot.reposTotal)} read`,
    );
  }
  parts.push(`${formatCount(snapshot.requests)} ${snapshot.requests === 1 ? 'request' : 'requests'}`);
  if (snapshot.waitingUntil !== null) {
    parts.push(`rate limit spent: waiting until ${new Date(snapshot.waitingUntil).toISOString().slice(11, 16)} UTC`);
  }
  if (snapshot.rateLimitRemaining !== null) parts.push(`rate limit ${formatCount(snapshot.rateLimitRemaining)} left`);
  if (snapshot.remaining !== null) {
    const reset =
      snapshot.waitsForRateLimit && snapshot.rateLimitReset !== null
        ? ` (waits for the rate limit to reset at ${new Date(snapshot.rateLimitReset).toISOString().slice(11, 16)} UTC)`
        : '';
    parts.push(`${describeDuration(snapshot.remaining)} to go${reset}`);
  }
  return parts.join(', ');
}
