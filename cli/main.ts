import { useEnvProxy } from '../network/index.ts';
import { suggestKey } from '../src/config/index.ts';
import type { CliIo, Command } from './command.ts';
import { coverageCommand } from './commands/coverage.ts';
import { kpisCommand } from './commands/kpis.ts';
import { reportCommand } from './commands/report.ts';
import { CheckFailed, EXIT, InputError, NetworkError } from './errors.ts';
import { readVersion } from './read-version.ts';

const commands: Command[] = [kpisCommand, coverageCommand, reportCommand];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: shipwell <command> [options]',
    '',
    'Engineering KPIs from GitHub: well-packaged releases and security-patch coverage.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'shipwell <command> --help' for a command's options, 'shipwell --version' for the version.",
    '',
    'Exit codes: 0 ok, 1 a failed check, 2 bad input, 3 GitHub unreachable or unavailable (try again later).',
  ].join('\n');
}

/**
 * Runs one CLI invocation; returns the exit code (README.md, "The command
 * line"): 0 ok, 1 failed check, 2 bad input, 3 GitHub unreachable, 70 a bug
 * (its stack trace printed, to report). `env` is read for a proxy only.
 */
export async function main(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage()}\n`);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${readVersion()}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const known = commands.map((c) => c.name);
    const closest = name.startsWith('-')
      ? suggestKey({ key: name, known: ['--help', '--version'] })
      : suggestKey({ key: name, known });
    io.stderr.write(
      `shipwell: unknown ${name.startsWith('-') ? 'option' : 'command'} '${name}'${closest ? `; did you mean '${closest}'?` : ''} (commands: ${known.join(', ')}; see 'shipwell --help')\n`,
    );
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  if (useEnvProxy(env) === 'unsupported') {
    io.stderr.write(
      `shipwell: a proxy is set (HTTPS_PROXY/HTTP_PROXY) but Node ${process.version} cannot use it (Node 24.14 or later can); requests go direct\n`,
    );
  }
  try {
    await command.run(rest, io);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`shipwell ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    if (error instanceof CheckFailed) {
      io.stderr.write(`shipwell ${name}: ${error.message}\n`);
      return EXIT.checkFailed;
    }
    if (error instanceof NetworkError) {
      io.stderr.write(`shipwell ${name}: ${error.message} (exit 3: try again later)\n`);
      return EXIT.network;
    }
    io.stderr.write(
      `shipwell ${name}: internal error, please report it with this trace: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.internal;
  }
}
