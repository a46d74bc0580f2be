/** GitHub's limit for a check run's `output.summary` (and `output.text`), in characters. */
export const GITHUB_SUMMARY_LIMIT = 65_535;

/** What a line stands for, so a truncation note can say what was left out. */
export type MarkdownUnit = 'release' | 'segment';

/** One line of rendered Markdown; a summary is cut only between lines. */
export interface MarkdownLine {
  text: string;
  /** Counted in the truncation note when the line is cut off. */
  unit?: MarkdownUnit;
  /** A heading or table header: useless as the last line before a cut, so it goes too. */
  keepWithNext?: boolean;
}

/** Options every renderer takes. */
export interface RenderLimits {
  /** Longest result, in UTF-16 code units (JavaScript string length); default GITHUB_SUMMARY_LIMIT. */
  maxLength?: number;
  /** Where the whole report can be had, named in the truncation note. */
  fullReportHint?: string;
}

export const DEFAULT_FULL_REPORT_HINT = 'Full report: `shipwell kpis --format json`.';
