import { DAY, HOUR } from '../time/index.ts';

/** A span of time for reading, to the hour: `5 h`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  const hours = Math.floor(ms / HOUR);
  return hours < 24 ? `${hours} h` : `${Math.floor(ms / DAY)} d ${hours % 24} h`;
}
