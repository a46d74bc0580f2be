// Copies the real webhook payloads the event tests use from
// @octokit/webhooks-examples into test/fixtures/webhooks/<file>.json.
// Fixtures are never edited by hand: tests apply documented overrides
// (test/events/load-webhook.ts). Regenerate with:
//   node scripts/extract-webhook-fixtures.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface WebhookDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

interface Wanted {
  /** Fixture file name without `.json`: `<event>.<action>` (plus a qualifier when one event has several). */
  file: string;
  event: string;
  /** Picks the first example that fits. */
  fits: (example: Record<string, unknown>) => boolean;
}

const action = (name: string) => (example: Record<string, unknown>) => example.action === name;
const record = (value: unknown): Record<string, unknown> => (value ?? {}) as Record<string, unknown>;

const WANTED: Wanted[] = [
  { file: 'release.published', event: 'release', fits: action('published') },
  { file: 'release.released', event: 'release', fits: action('released') },
  { file: 'release.created', event: 'release', fits: action('created') },
  { file: 'release.edited', event: 'release', fits: action('edited') },
  { file: 'release.deleted', event: 'release', fits: action('deleted') },
  { file: 'release.prereleased', event: 'release', fits: action('prereleased') },
  {
    file: 'push.tag',
    event: 'push',
    fits: (e) => String(e.ref).startsWith('refs/tags/') && e.deleted === false,
  },
  {
    file: 'push.tag-deleted',
    event: 'push',
    fits: (e) => String(e.ref).startsWith('refs/tags/') && e.deleted === true,
  },
  { file: 'push.branch', event: 'push', fits: (e) => String(e.ref).startsWith('refs/heads/') },
  {
    file: 'deployment_status.created',
    event: 'deployment_status',
    fits: (e) => e.action === 'created' && e.workflow_run === undefined,
  },
  {
    file: 'deployment_status.created-by-workflow',
    event: 'deployment_status',
    fits: (e) => e.action === 'created' && e.workflow_run != null,
  },
  {
    file: 'workflow_run.completed',
    event: 'workflow_run',
    fits: (e) => e.action === 'completed' && record(e.workflow_run).name !== '',
  },
  {
    file: 'workflow_run.completed-unnamed',
    event: 'workflow_run',
    fits: (e) => e.action === 'completed' && record(e.workflow_run).name === '',
  },
  { file: 'workflow_run.requested', event: 'workflow_run', fits: action('requested') },
  { file: 'deployment_review.requested', event: 'deployment_review', fits: action('requested') },
  { file: 'issues.labeled', event: 'issues', fits: action('labeled') },
  { file: 'issues.opened', event: 'issues', fits: action('opened') },
  { file: 'pull_request.labeled', event: 'pull_request', fits: action('labeled') },
  { file: 'pull_request.closed', event: 'pull_request', fits: action('closed') },
  { file: 'pull_request.opened', event: 'pull_request', fits: action('opened') },
  { file: 'check_run.completed', event: 'check_run', fits: action('completed') },
  { file: 'check_run.created', event: 'check_run', fits: action('created') },
  { file: 'dependabot_alert.created', event: 'dependabot_alert', fits: action('created') },
  { file: 'dependabot_alert.fixed', event: 'dependabot_alert', fits: action('fixed') },
  { file: 'star.created', event: 'star', fits: action('created') },
  {
    file: 'branch_protection_rule.created',
    event: 'branch_protection_rule',
    fits: (e) => e.action === 'created' && Array.isArray(record(e.repository).topics),
  },
  { file: 'installation.created', event: 'installation', fits: action('created') },
];

const require = createRequire(import.meta.url);
const definitions = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as WebhookDefinition[];

const outDir = join('test', 'fixtures', 'webhooks');
mkdirSync(outDir, { recursive: true });
for (const { file, event, fits } of WANTED) {
  const example = definitions.find((definition) => definition.name === event)?.examples.find(fits);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event} example for ${file}`);
  writeFileSync(join(outDir, `${file}.json`), `${JSON.stringify(example, null, 2)}\n`);
}
console.log(`wrote ${WANTED.length} fixtures to ${outDir}`);
