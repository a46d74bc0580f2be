import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};

describe('app.yml (Probot manifest)', () => {
  it('subscribes to exactly the events the normalizer and the App read', () => {
    // installation and installation_repositories reach every App without a subscription
    expect([...manifest.default_events].sort()).toEqual(
      [
        'check_run',
        'custom_property_values',
        'dependabot_alert',
        'deployment_review',
        'deployment_status',
        'issues',
        'pull_request',
        'push',
        'release',
        'repository',
        'workflow_run',
      ].sort(),
    );
  });

  it('asks for write only where Shipwell writes: check runs and release bodies', () => {
    const writes = Object.entries(manifest.default_permissions)
      .filter(([, level]) => level === 'write')
      .map(([name]) => name)
      .sort();
    expect(writes).toEqual(['checks', 'contents']);
    expect(Object.values(manifest.default_permissions).every((level) => level === 'read' || level === 'write')).toBe(
      true,
    );
    expect(manifest.default_permissions).not.toHaveProperty('administration');
  });
});
