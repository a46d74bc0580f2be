import type { CliIo, Command } from './command.ts';
import { coverageCommand } from './commands/coverage.ts';
import { kpisCommand } from './commands/kpis.ts';
import { reportCommand } from './commands/report.ts';
import { CheckFailed, InputError } from './errors.ts';

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
    "Run 'shipwell <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failed check, 2 bad input). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`shipwell: unknown command '${name}'; commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`shipwell ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CheckFailed) {
      io.stderr.write(`shipwell ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
