// `shipwell kpis` on unusual but real-shaped logs (the worked example's real
// payloads): a log and the same log in another line order give the same
// bytes, a delivery id with two payloads is read by content and reported
// (stderr, the JSON's `warnings`, the Markdown), and a time the calendar does
// not have is bad input naming its file, line and field — never a rolled-over date.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';

const NOW = '2026-03-20T00:00:00Z';
const lines = readFileSync('examples/worked-example.jsonl', 'utf8').trimEnd().split('\n');
const dir = mkdtempSync(join(tmpdir(), 'shipwell-exact-'));

function kpis(file: string, ...args: string[]) {
  return spawnSync(process.execPath, ['cli/index.ts', 'kpis', '--deliveries', file, ...args], { encoding: 'utf8' });
}

function write(name: string, records: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${records.join('\n')}\n`);
  return file;
}

/** The worked example's v1.3.0 release delivery, with another published_at (same delivery id). */
function conflicting(): string {
  const index = lines.findIndex((line) => line.includes('"tag_name":"v1.3.0"'));
  const record = JSON.parse(lines[index]!) as { payload: { release: { published_at: string } } };
  record.payload.release.published_at = '2026-03-16T11:00:00Z';
  return JSON.stringify(record);
}

describe('one delivery id with two payloads', () => {
  const mixed = [...lines, conflicting()];
  const forward = write('forward.jsonl', mixed);
  const backward = write('backward.jsonl', [...mixed].reverse());
  const warning =
    'delivery 5f9c0000-0000-4000-8000-000000000004 appears twice with different payloads; the one read is the ' +
    'greatest in canonical JSON order, with payload.release.published_at "2026-03-16T11:00:00Z", not "2026-03-16T10:00:00Z"';

  it('gives the same report whatever the line order, reads the greater payload and warns on stderr', () => {
    const a = kpis(forward, '--now', NOW);
    const b = kpis(backward, '--now', NOW);
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const report = JSON.parse(a.stdout) as Report;
    expect(report.warnings).toEqual([warning]);
    expect(report.releases.find((r) => r.tag === 'v1.3.0')?.publishedAt).toBe('2026-03-16T11:00:00.000Z');
    expect(a.stderr).toBe(`shipwell kpis: warning: ${forward}: ${warning}\n`);
    expect(b.stderr).toBe(`shipwell kpis: warning: ${backward}: ${warning}\n`);
  });

  it('shows the warning in Markdown, escaped', () => {
    const md = kpis(forward, '--now', NOW, '--format', 'markdown').stdout;
    expect(md).toContain('**Warnings** (1): the report was computed, but the input held:');
    expect(md).toContain('- delivery 5f9c0000-0000-4000-8000-000000000004 appears twice with different payloads;');
  });

  it('has an empty warnings list and no warning line for an ordinary log', () => {
    const r = kpis('examples/worked-example.jsonl', '--now', NOW);
    expect((JSON.parse(r.stdout) as Report).warnings).toEqual([]);
    expect(r.stderr).toBe('');
  });
});

describe('times the calendar does not have', () => {
  it.each([
    ['2026-02-30T10:00:00Z', 'February 2026 has 28 days'],
    ['2026-02-29T10:00:00Z', 'February 2026 has 28 days'],
    ['2026-03-16T24:00:00Z', 'hours run from 00 to 23'],
    ['2026-03-16T10:60:00Z', 'minutes run from 00 to 59'],
  ])('a payload holding %s is bad input: exit 2 naming the line and field', (time, why) => {
    const index = lines.findIndex((line) => line.includes('"tag_name":"v1.3.0"'));
    const record = JSON.parse(lines[index]!) as { id: string; payload: { release: { published_at: string } } };
    record.payload.release.published_at = time;
    const file = write('impossible.jsonl', lines.with(index, JSON.stringify(record)));
    const r = kpis(file, '--now', NOW);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `shipwell kpis: ${file}:${index + 1}: delivery ${record.id}: payload.release.published_at: ` +
        `"${time}" is not a real calendar time (${why})\n`,
    );
  });

  it('names the line of a conflicting record that is not read', () => {
    const index = lines.findIndex((line) => line.includes('"tag_name":"v1.3.0"'));
    const record = JSON.parse(lines[index]!) as { payload: { release: { published_at: string } } };
    record.payload.release.published_at = '2026-02-30T10:00:00Z';
    const file = write('conflict-impossible.jsonl', [...lines, JSON.stringify(record)]);
    const r = kpis(file, '--now', NOW);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:${lines.length + 1}: delivery `);
  });

  it('a delivery time `at` of hour 24 is bad input too', () => {
    const record = JSON.parse(lines[0]!) as { at?: string };
    record.at = '2026-02-24T24:00:00Z';
    const file = write('impossible-at.jsonl', [JSON.stringify(record), ...lines.slice(1)]);
    const r = kpis(file, '--now', NOW);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/:1: delivery \S+: at: "2026-02-24T24:00:00Z" is not a real calendar time/);
  });

  it.each([
    ['2026-02-30T00:00:00Z', 'February 2026 has 28 days'],
    ['2026-03-20T24:00:00Z', 'hours run from 00 to 23'],
  ])('--now %s is bad input, never a rolled-over date', (now, why) => {
    const r = kpis('examples/worked-example.jsonl', '--now', now);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`shipwell kpis: --now: "${now}" is not a real calendar time (${why})\n`);
  });
});
