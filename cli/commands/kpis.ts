import { DeliveryError, ingestDeliveries } from '../../src/events/index.ts';
import { computeReport } from '../../src/kpi/index.ts';
import { renderReportMarkdown } from '../../src/markdown/index.ts';
import { renderJsonReport } from '../../src/report/index.ts';
import type { Command } from '../command.ts';
import { InputError } from '../errors.ts';
import { parseNow } from '../parse-now.ts';
import { parseOptions } from '../parse-options.ts';
import { readConfigFile } from '../read-config-file.ts';
import { readDeliveries } from '../read-deliveries.ts';

const help = `Usage: shipwell kpis --deliveries FILE.jsonl [--config FILE] [--now ISO] [--format json|markdown]

Computes the KPI report offline from recorded webhook deliveries: one JSON
object a line, {"id": "<X-GitHub-Delivery>", "name": "<X-GitHub-Event>",
"payload": {...}, "at": "<delivered at, optional>"}. The App exports its
stored deliveries in this format (GET /shipwell/api/deliveries.jsonl).

Options:
  --deliveries FILE  the recorded deliveries (required)
  --config FILE      a .github/shipwell.yml (default: every default); offline,
                     so a file with _extends is refused (use shipwell report)
  --now ISO          evaluate as of this instant; facts after it are ignored
                     (default: the current time)
  --format FORMAT    json (default) or markdown
  --verbose          list deliveries that were ignored, and why, on stderr

A delivery id recorded with different payloads is read once, by content
(the greatest canonical JSON), and named in a warning: on stderr and in the
report's "warnings".

Exit codes: 0 ok, 2 bad input (the file, line or key at fault on stderr).`;

export const kpisCommand: Command = {
  name: 'kpis',
  summary: 'compute the KPI report from recorded webhook deliveries (JSONL)',
  help,
  async run(args, io) {
    const { values } = parseOptions({
      command: 'kpis',
      args,
      options: {
        deliveries: { type: 'string' },
        config: { type: 'string' },
        now: { type: 'string' },
        format: { type: 'string', default: 'json' },
        verbose: { type: 'boolean', default: false },
      },
    });
    if (values.deliveries === undefined)
      throw new InputError("--deliveries FILE.jsonl is required; see 'shipwell kpis --help'");
    if (values.format !== 'json' && values.format !== 'markdown') {
      throw new InputError(`--format: expected json or markdown, found "${values.format}"`);
    }
    const now = parseNow(values.now);
    const { config } = await readConfigFile(values.config);
    const file = values.deliveries;
    const { deliveries: lines, facts } = await readDeliveries(file);
    let ingested: ReturnType<typeof ingestDeliveries>;
    try {
      ingested = ingestDeliveries(lines.map((l) => l.delivery));
    } catch (error) {
      if (error instanceof DeliveryError) {
        const line = error.position === null ? undefined : lines[error.position]?.line;
        throw new InputError(`${file}:${line ?? '?'}: ${error.message}`);
      }
      throw error;
    }
    if (values.verbose) {
      for (const { id, name, reason } of ingested.ignored)
        io.stderr.write(`ignored ${name} delivery ${id}: ${reason}\n`);
    }
    const report = computeReport({
      facts: facts.length === 0 ? ingested.facts : [...ingested.facts, ...facts],
      config,
      now,
      warnings: ingested.warnings,
    });
    for (const warning of report.warnings) io.stderr.write(`shipwell kpis: warning: ${file}: ${warning}\n`);
    io.stdout.write(
      values.format === 'json'
        ? renderJsonReport(report)
        : // every repository of the deliveries: each segment across them (docs/report.md, "Which repositories a figure covers")
          renderReportMarkdown({ report, maxLength: Number.POSITIVE_INFINITY }),
    );
  },
};
