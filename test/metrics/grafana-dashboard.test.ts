import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMetrics } from '../../src/metrics/index.ts';
import { seededReport } from '../dashboard/seeded-report.ts';
import { parseOpenMetrics } from './parse-openmetrics.ts';

interface Panel {
  id: number;
  type: string;
  title: string;
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(readFileSync('docs/grafana/shipwell.json', 'utf8')) as {
  panels: Panel[];
  templating: { list: { name: string; query: unknown }[] };
};

/** The fixed label values renderMetrics writes (a null number leaves its sample out, so read them here). */
const KNOWN: Record<string, string[]> = {
  period: ['current', 'last_complete'],
  target: ['wellPackaged', 'share', 'patchCoverage'],
};

describe('docs/grafana/shipwell.json', () => {
  it('queries only series that /metrics exposes, with their labels', async () => {
    const text = await renderMetrics({
      reports: [{ org: 'acme', report: seededReport() }],
      health: { queueDepth: 0, failedDeliveries: 0, lastProcessedDeliveryAgeSeconds: 1 },
    });
    const families = new Map(parseOpenMetrics(text).map((f) => [f.name, f]));
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
    expect(exprs.length).toBeGreaterThan(10);
    for (const expr of exprs) {
      const [, name, labels = ''] = /^(shipwell_[a-z_]+)(?:\{(.*)\})?$/.exec(expr) ?? [];
      expect(name, expr).toBeDefined();
      const family = families.get(name!);
      expect(family, `${name} is not exposed`).toBeDefined();
      for (const [, label, value] of labels.matchAll(/(\w+)="([^"]*)"/g)) {
        const values = new Set(family!.samples.map((s) => s.labels[label!]));
        expect(values.size, `${name} has no label ${label}`).toBeGreaterThan(0);
        expect(values.has(undefined), `${name} lacks label ${label} on some samples`).toBe(false);
        if (!value!.startsWith('$')) expect(KNOWN[label!], `${name}{${label}="${value}"}`).toContain(value);
      }
    }
  });

  it('has unique panel ids and the org and segment variables', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['datasource', 'org', 'segment']);
  });
});
