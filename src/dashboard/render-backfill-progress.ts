import type { BackfillCounts } from '../store/types.ts';
import { escapeHtml } from './escape-html.ts';

const time = (at: number) => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The dashboard's notice while an org's history is being backfilled
 * (docs/app.md, "The first hour"): that the report is partial and what it
 * holds (the current and last complete periods once every repository's
 * recent window is read), how far each pass got, what was spent of GitHub's
 * budget, whether collection waits for the rate limit's reset, and an
 * estimate of when it will finish (the pace so far, no sooner than the
 * reset). Empty once the backfill is done.
 */
export function renderBackfillProgress({ progress, now }: { progress: BackfillCounts | null; now: number }): string {
  if (!progress || progress.total === 0 || progress.done === progress.total) return '';
  const { total, done, recentDone, waitingUntil, requests, points, startedAt, partialAt } = progress;
  const state =
    partialAt !== null
      ? `Partial report: the current and last complete periods are collected for every repository (since ${time(partialAt)}); older periods are still being collected.`
      : 'Partial report: history is still being collected, newest periods first; periods may be missing releases.';
  const units = recentDone + done;
  let finish: number | null = null;
  if (startedAt !== null && units > 0 && now > startedAt)
    finish = now + ((now - startedAt) / units) * (2 * total - units);
  const waiting = waitingUntil !== null && waitingUntil > now;
  if (waiting && finish !== null) finish = Math.max(finish, waitingUntil);
  const parts = [
    `Current and last complete periods: ${recentDone} of ${total} repositories.`,
    `Full history: ${done} of ${total}.`,
    `Spent: ${requests.toLocaleString('en')} REST requests and ${points.toLocaleString('en')} GraphQL points of GitHub’s hourly budget.`,
    ...(waiting ? [`Waiting for GitHub’s rate limit to reset at ${time(waitingUntil)}.`] : []),
    ...(finish !== null ? [`Expected to finish around ${time(finish)}.`] : []),
    ...(progress.failed > 0 ? [`${progress.failed} repositories failed their last attempt and will be retried.`] : []),
  ];
  return `<section class="notice backfill" role="status" aria-label="Backfill progress"><p><strong>${escapeHtml(state)}</strong></p><p>${escapeHtml(parts.join(' '))}</p></section>`;
}
