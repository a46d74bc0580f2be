import { describeProgress, type ProgressSnapshot } from '../src/github/index.ts';
import { formatCount } from '../src/markdown/format-count.ts';
import type { CliIo } from './command.ts';

/** How often a terminal's live line is redrawn at most. */
const REDRAW = 100;
const CLEAR_LINE = '\r\x1b[2K';

export interface ProgressDisplay {
  /** A terminal's live line is redrawn; elsewhere a line is logged at most every `interval`. */
  update(snapshot: ProgressSnapshot): void;
  /** Clears the live line; elsewhere closes with a summary when progress was logged. */
  finish(snapshot: ProgressSnapshot): void;
}

/**
 * Progress of long work on stderr (README.md, "Progress"): where
 * stderr is a terminal, one live line rewritten in place (and erased at the
 * end, so the output stays clean); elsewhere (CI logs, a file) a plain line
 * every `interval` milliseconds, none for work shorter than that.
 */
export function createProgressDisplay({
  stream,
  clock,
  interval,
  prefix,
}: {
  stream: CliIo['stderr'];
  clock: () => number;
  interval: number;
  prefix: string;
}): ProgressDisplay {
  const started = clock();
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let lastLogged = started;
  let shown = false;
  const terminal = stream.isTTY === true;
  return {
    update(snapshot) {
      const now = clock();
      if (terminal) {
        if (now - lastDrawn < REDRAW) return;
        lastDrawn = now;
        const width = Math.max(20, (stream.columns ?? 80) - 1);
        stream.write(`${CLEAR_LINE}${`${prefix}${describeProgress(snapshot)}`.slice(0, width)}`);
        shown = true;
      } else if (now - lastLogged >= interval) {
        lastLogged = now;
        stream.write(`${prefix}${describeProgress(snapshot)}\n`);
        shown = true;
      }
    },
    finish(snapshot) {
      if (!shown) return;
      if (terminal) {
        stream.write(CLEAR_LINE);
        return;
      }
      const minutes = Math.round(snapshot.elapsed / 60_000);
      stream.write(
        `${prefix}collected ${formatCount(snapshot.reposDone)} ${snapshot.reposDone === 1 ? 'repository' : 'repositories'} with ${formatCount(snapshot.requests)} requests in ${minutes < 1 ? 'less than a minute' : `${minutes} min`}\n`,
      );
    },
  };
}
