import type { ReleaseStatus } from '../report/types.ts';

const STATUS_TEXT: Record<ReleaseStatus, string> = {
  'well-packaged': '✅ well-packaged',
  'not-well-packaged': '❌ not well-packaged',
  pending: '⏳ pending',
};

/** A release status with its mark: `✅ well-packaged`, `❌ not well-packaged`, `⏳ pending`. */
export function describeStatus(status: ReleaseStatus): string {
  return STATUS_TEXT[status];
}
