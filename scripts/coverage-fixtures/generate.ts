// Regenerates test/fixtures/coverage/ with the real tools, and records each
// tool's own printed totals next to its report (`*.expected.json`).
// Needs: gcc, lcov, python3-coverage, golang-go, default-jdk + libjacoco-java,
// phpunit + php-pcov (apt-get install -y lcov python3-coverage golang-go
// libjacoco-java phpunit php-pcov php-xml), and c8 from this repo's
// devDependencies. Run: node scripts/coverage-fixtures/generate.ts [c js py go java php xccov]
// (names given: only those fixtures).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
const samples = join(import.meta.dirname, 'samples');
const out = join(repo, 'test/fixtures/coverage');
// A fixed work dir: the absolute paths in the reports stay the same from run to run.
const work = '/tmp/shipwell-coverage-fixtures';

interface Counts {
  covered: number;
  total: number;
}
interface Expected {
  format: string;
  tool: string;
  command: string;
  printed: string;
  unit: 'lines' | 'statements';
  /** The workspace the report's absolute paths start with. */
  workspace: string;
  lines: Counts | null;
  /** The percent as the tool printed it, when it printed no counts. */
  linesPct: number | null;
  branches: Counts | null;
  files: number;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

function save(name: string, from: string, expected: Expected): void {
  copyFileSync(from, join(out, name));
  writeFileSync(join(out, `${name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(
    `${name}: ${JSON.stringify({ lines: expected.lines ?? expected.linesPct, branches: expected.branches })}`,
  );
}

function match(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const found = pattern.exec(text);
  if (!found) throw new Error(`no ${what} in:\n${text}`);
  return found;
}

function lcovSummary(dir: string, info: string): { printed: string; lines: Counts; branches: Counts | null } {
  const printed = execFileSync('lcov', ['--summary', info, '--rc', 'lcov_branch_coverage=1'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = match(printed, /lines\.+: [\d.]+% \((\d+) of (\d+) lines\)/, 'lines');
  const branches = /branches\.+: [\d.]+% \((\d+) of (\d+) branches\)/.exec(printed);
  return {
    printed,
    lines: { covered: Number(lines[1]), total: Number(lines[2]) },
    branches: branches ? { covered: Number(branches[1]), total: Number(branches[2]) } : { covered: 0, total: 0 },
  };
}

const only = process.argv.slice(2);
const wanted = (name: string): boolean => only.length === 0 || only.includes(name);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(samples, work, { recursive: true });
mkdirSync(out, { recursive: true });
const lcovVersion = wanted('c') || wanted('js') ? run('lcov', ['--version'], work).trim() : '';

// C through gcc --coverage and lcov --capture.
if (wanted('c')) {
  const dir = join(work, 'c');
  run('gcc', ['--coverage', '-O0', '-o', 'main', 'main.c'], dir);
  run('./main', [], dir);
  run(
    'lcov',
    ['--capture', '--directory', '.', '--output-file', 'c.info', '--rc', 'lcov_branch_coverage=1', '--quiet'],
    dir,
  );
  const summary = lcovSummary(dir, 'c.info');
  save('c-gcc.info', join(dir, 'c.info'), {
    format: 'lcov',
    tool: `${lcovVersion}, gcc`,
    command: 'lcov --summary c.info --rc lcov_branch_coverage=1',
    unit: 'lines',
    workspace: dir,
    files: 1,
    linesPct: null,
    ...summary,
  });
}

// JavaScript through c8 (V8 coverage → Istanbul reporters).
if (wanted('js')) {
  const dir = join(work, 'js');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const c8 = join(repo, 'node_modules/.bin/c8');
  const printed = run(
    c8,
    [
      '--all',
      '--src',
      'src',
      '--include',
      'src/**',
      '--reporter=lcovonly',
      '--reporter=clover',
      '--reporter=json',
      '--reporter=json-summary',
      '--reporter=text-summary',
      '--report-dir',
      'out',
      process.execPath,
      'main.js',
    ],
    dir,
  );
  const textSummary = printed.slice(printed.indexOf('='));
  const istanbulCounts = (label: string): Counts => {
    const found = match(textSummary, new RegExp(`${label}\\s*: [\\d.]+% \\( (\\d+)/(\\d+) \\)`), label);
    return { covered: Number(found[1]), total: Number(found[2]) };
  };
  const files = Object.keys(JSON.parse(readFileSync(join(dir, 'out/coverage-final.json'), 'utf8'))).length;
  const c8Version = JSON.parse(readFileSync(join(repo, 'node_modules/c8/package.json'), 'utf8')).version;
  const istanbul = {
    tool: `c8 ${c8Version} (Istanbul reporters)`,
    command: 'c8 --all --reporter=text-summary node main.js',
    printed: textSummary,
    unit: 'lines' as const,
    workspace: dir,
    lines: istanbulCounts('Lines'),
    linesPct: null,
    branches: istanbulCounts('Branches'),
    files,
  };
  save('js-c8.coverage-final.json', join(dir, 'out/coverage-final.json'), { format: 'istanbul', ...istanbul });
  save('js-c8.coverage-summary.json', join(dir, 'out/coverage-summary.json'), { format: 'istanbul', ...istanbul });
  save('js-c8.clover.xml', join(dir, 'out/clover.xml'), { format: 'clover', ...istanbul });
  const summary = lcovSummary(dir, 'out/lcov.info');
  save('js-c8.info', join(dir, 'out/lcov.info'), {
    format: 'lcov',
    tool: `${lcovVersion} over c8's lcov`,
    command: 'lcov --summary lcov.info --rc lcov_branch_coverage=1',
    unit: 'lines',
    workspace: dir,
    files,
    linesPct: null,
    ...summary,
  });
}

// Python through coverage.py (Cobertura XML).
if (wanted('py')) {
  const dir = join(work, 'py');
  run('python3-coverage', ['run', '--branch', '--source=.', 'main.py'], dir);
  run('python3-coverage', ['xml', '-o', 'cobertura.xml'], dir);
  const printed = run('python3-coverage', ['report'], dir);
  const total = match(printed, /^TOTAL\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+%$/m, 'TOTAL row');
  const json = JSON.parse(run('python3-coverage', ['json', '-o', '-'], dir)) as {
    totals: { num_branches: number; covered_branches: number };
    files: Record<string, unknown>;
  };
  save('py-coverage.cobertura.xml', join(dir, 'cobertura.xml'), {
    format: 'cobertura',
    tool: run('python3-coverage', ['--version'], dir).split('\n')[0]!,
    command: 'coverage report (Stmts, Miss) + coverage json (branches)',
    printed,
    unit: 'lines',
    workspace: dir,
    lines: { covered: Number(total[1]) - Number(total[2]), total: Number(total[1]) },
    linesPct: null,
    branches: { covered: json.totals.covered_branches, total: json.totals.num_branches },
    files: Object.keys(json.files).length,
  });
}

// Go through go test -coverprofile and go tool cover -func.
if (wanted('go')) {
  const dir = join(work, 'go');
  const env = { GOCACHE: join(work, 'gocache'), GOPATH: join(work, 'gopath'), GOFLAGS: '-mod=mod', GOPROXY: 'off' };
  run('go', ['test', '-covermode=count', '-coverprofile=cover.out', './...'], dir, env);
  const printed = run('go', ['tool', 'cover', '-func=cover.out'], dir, env);
  const total = match(printed, /^total:\s+\(statements\)\s+([\d.]+)%$/m, 'total');
  save('go.coverprofile', join(dir, 'cover.out'), {
    format: 'go',
    tool: run('go', ['version'], dir, env).trim(),
    command: 'go tool cover -func=cover.out',
    printed,
    unit: 'statements',
    workspace: dir,
    lines: null,
    linesPct: Number(total[1]),
    branches: null,
    files: 1,
  });
}

// Java through JaCoCo's own instrumentation and report API (see samples/java/Report.java).
if (wanted('java')) {
  const dir = join(work, 'java');
  const jars = ['org.jacoco.core', 'org.jacoco.report', 'asm', 'asm-commons', 'asm-tree', 'asm-analysis']
    .map((name) => `/usr/share/java/${name}.jar`)
    .join(':');
  run('javac', ['--release', '11', '-g', '-d', 'classes', 'src/com/example/Account.java'], dir);
  run('javac', ['-cp', jars, '-d', 'report', 'Report.java'], dir);
  const printed = run('java', ['-cp', `${jars}:report`, 'Report', 'classes', 'src', 'jacoco.xml'], dir);
  const line = match(printed, /^LINE (\d+) (\d+)$/m, 'LINE counter');
  const branch = match(printed, /^BRANCH (\d+) (\d+)$/m, 'BRANCH counter');
  save('java-jacoco.xml', join(dir, 'jacoco.xml'), {
    format: 'jacoco',
    tool: 'JaCoCo 0.8.6 (Debian libjacoco-java)',
    command: "IBundleCoverage.getLineCounter() / getBranchCounter() (JaCoCo's LINE and BRANCH counters)",
    printed,
    unit: 'lines',
    workspace: dir,
    lines: { covered: Number(line[1]), total: Number(line[2]) },
    linesPct: null,
    branches: { covered: Number(branch[1]), total: Number(branch[2]) },
    files: 1,
  });
}

// PHP through PHPUnit's Clover report (php-code-coverage, PCOV). PHPUnit writes an executable
// line that starts a method (a one-line method) as <line type="method">, so its <line type="stmt">
// elements count fewer statements than its own per-file <metrics>: the totals it prints follow the
// metrics (docs/coverage.md, "Clover").
if (wanted('php')) {
  const dir = join(work, 'php');
  const phpunit = ['-d', 'pcov.enabled=1', '-d', `pcov.directory=${dir}`, '/usr/bin/phpunit'];
  const printed = run('php', [...phpunit, '--coverage-clover', 'clover.xml', '--coverage-text'], dir);
  const text = printed.slice(printed.indexOf('Code Coverage Report:'));
  const lines = match(text, /^\s*Lines:\s+[\d.]+% \(\s*(\d+)\/\s*(\d+)\)/m, 'Lines summary');
  const clover = readFileSync(join(dir, 'clover.xml'), 'utf8');
  const project = match(
    clover,
    /<metrics files="(\d+)"[^>]* conditionals="(\d+)" coveredconditionals="(\d+)"/,
    'project metrics',
  );
  const version = run('php', ['/usr/bin/phpunit', '--version'], dir).trim().split('\n')[0]!;
  const pcov = run('php', ['-r', 'echo phpversion("pcov");'], dir).trim();
  save('php-phpunit.clover.xml', join(dir, 'clover.xml'), {
    format: 'clover',
    tool: `${version.replace(/ by .*$/, '')}, php-code-coverage with PCOV ${pcov}`,
    command:
      'phpunit --coverage-clover clover.xml --coverage-text (Lines; branches: the project <metrics> conditionals)',
    printed: text,
    unit: 'lines',
    workspace: dir,
    lines: { covered: Number(lines[1]), total: Number(lines[2]) },
    linesPct: null,
    branches: { covered: Number(project[3]), total: Number(project[2]) },
    files: Number(project[1]),
  });
}

// Xcode: no Xcode here; a hand-written sample of Apple's `xccov view --report --json` shape.
if (wanted('xccov')) {
  const from = join(work, 'xccov/report.json');
  const report = JSON.parse(readFileSync(from, 'utf8')) as {
    coveredLines: number;
    executableLines: number;
    targets: { files: unknown[] }[];
  };
  save('xcode.xccov.json', from, {
    format: 'xccov',
    tool: 'hand-written sample of xccov view --report --json (no Xcode on Linux)',
    command: 'top-level coveredLines / executableLines',
    printed: `coveredLines ${report.coveredLines}, executableLines ${report.executableLines}`,
    unit: 'lines',
    workspace: '/Users/runner/work/shop/shop',
    lines: { covered: report.coveredLines, total: report.executableLines },
    linesPct: null,
    branches: null,
    files: report.targets.reduce((n, target) => n + target.files.length, 0),
  });
}
