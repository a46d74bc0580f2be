import { CoverageFileError, readCoverageFiles } from '../../files/index.ts';
import {
  COVERAGE_FORMATS,
  CoverageError,
  type CoverageFormat,
  type CoverageReport,
  type CoverageTableRow,
  coveragePercent,
  coverageTotals,
  mergeCoverage,
  renderCoverageTable,
} from '../../src/coverage/index.ts';
import type { Command } from '../command.ts';
import { CheckFailed, InputError } from '../errors.ts';
import { parseOptions } from '../parse-options.ts';

const HELP = `Usage: shipwell coverage FILE... [--format auto|${COVERAGE_FORMATS.join('|')}] [--json] [--fail-under PCT] [--workspace DIR]

Prints line (and branch, where the format has them) coverage of one or more
reports. Several reports are merged per source file first: a line is covered
when any report covers it; paths are normalised (./, backslashes, and the
workspace prefix of absolute paths) so a file is never counted twice.

Formats are detected from the content: lcov .info, Cobertura XML
(coverage.py, Slather), JaCoCo XML, Clover XML, Istanbul coverage-final.json
and coverage-summary.json, Go coverprofile (counts statements) and
xcrun xccov view --report --json. Gzipped reports (.gz) are read as well.

Options:
  --format F       force the format of every FILE (default: auto)
  --json           print {"lines":{covered,total,pct},"branches":…|null,"files":N,"format":"…","unit":"…"}
  --fail-under PCT exit 1 when line coverage is under PCT percent (exact ratio, not the rounded one)
  --workspace DIR  prefix stripped from absolute paths (default: $GITHUB_WORKSPACE, else the current directory)

Exit: 0 ok, 1 under --fail-under, 2 bad input (FILE:LINE: what was expected).`;

function readCoverageOptions(args: string[]): {
  files: string[];
  format: CoverageFormat | undefined;
  json: boolean;
  failUnder: number | null;
  workspace: string | undefined;
} {
  const parsed = parseOptions({
    command: 'coverage',
    args,
    options: {
      format: { type: 'string' },
      json: { type: 'boolean' },
      'fail-under': { type: 'string' },
      workspace: { type: 'string' },
    },
    allowPositionals: true,
  });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new InputError('expected at least one FILE; see shipwell coverage --help');
  const format = values.format ?? 'auto';
  if (format !== 'auto' && !COVERAGE_FORMATS.includes(format as CoverageFormat)) {
    throw new InputError(`--format: expected auto|${COVERAGE_FORMATS.join('|')}, found ${JSON.stringify(format)}`);
  }
  let failUnder: number | null = null;
  if (values['fail-under'] !== undefined) {
    failUnder = Number(values['fail-under']);
    if (!/^\d+(\.\d+)?$/.test(values['fail-under']) || failUnder > 100) {
      throw new InputError(
        `--fail-under: expected a percent from 0 to 100, found ${JSON.stringify(values['fail-under'])}`,
      );
    }
  }
  return {
    files: positionals,
    format: format === 'auto' ? undefined : (format as CoverageFormat),
    json: values.json ?? false,
    failUnder,
    workspace: values.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'line and branch totals of coverage reports (lcov, Cobertura, JaCoCo, Clover, Istanbul, Go, xccov)',
  help: HELP,
  async run(args, io) {
    const options = readCoverageOptions(args);
    let reports: CoverageReport[];
    try {
      reports = await readCoverageFiles({ files: options.files, format: options.format });
    } catch (error) {
      if (error instanceof CoverageError || error instanceof CoverageFileError) throw new InputError(error.message);
      throw error;
    }
    const merged = mergeCoverage(reports, { workspace: options.workspace });
    const totals = coverageTotals(merged);
    const format = merged.formats.join('+');
    if (options.json) {
      const withPct = (counts: { covered: number; total: number }) => ({ ...counts, pct: coveragePercent(counts) });
      const output = {
        lines: withPct(totals.lines),
        branches: totals.branches ? withPct(totals.branches) : null,
        files: totals.files,
        format,
        unit: merged.unit,
      };
      io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      const rows: CoverageTableRow[] = merged.formats.map((one) => {
        const group = mergeCoverage(
          reports.filter((report) => report.format === one),
          { workspace: options.workspace },
        );
        return { label: one, unit: group.unit, totals: coverageTotals(group) };
      });
      if (rows.length !== 1) rows.push({ label: `total (${format || 'none'})`, unit: merged.unit, totals });
      io.stdout.write(`${renderCoverageTable({ rows })}\n`);
    }
    if (options.failUnder !== null && totals.lines.covered * 100 < options.failUnder * totals.lines.total) {
      throw new CheckFailed(
        `${merged.unit} coverage ${coveragePercent(totals.lines)}% (${totals.lines.covered}/${totals.lines.total}) is under --fail-under ${options.failUnder}%`,
      );
    }
    if (options.failUnder !== null && totals.lines.total === 0) {
      throw new CheckFailed(
        `no ${merged.unit} to cover in ${options.files.join(', ')}: --fail-under ${options.failUnder}% not met`,
      );
    }
  },
};
