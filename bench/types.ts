/** One measured figure of `npm run bench`. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The goal, as text (e.g. ">= 5x", "< 150 MB"). */
  target?: string;
  /** Whether `value` meets `target`. */
  ok?: boolean;
  note?: string;
}
