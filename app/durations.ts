export { DAY, HOUR, MINUTE } from '../src/time/index.ts';

/** One second, in ms (the core counts in minutes and up). */
export const SECOND = 1000;
