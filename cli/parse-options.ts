import { type ParseArgsOptionDescriptor, parseArgs } from 'node:util';
import { suggestKey } from '../src/config/index.ts';
import { InputError } from './errors.ts';

type Options = Record<string, ParseArgsOptionDescriptor>;

/**
 * A subcommand's flags, parsed strictly. A mistyped flag is named with the
 * closest known one (`unknown option --fomat; did you mean --format?`), as a
 * mistyped config key is; any other mistake names the flag and points at
 * `--help`. Errors are InputError (exit 2).
 */
export function parseOptions<const O extends Options, const P extends boolean = false>({
  command,
  args,
  options,
  allowPositionals,
}: {
  command: string;
  args: string[];
  options: O;
  allowPositionals?: P;
}) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: (allowPositionals ?? false) as P });
  } catch (error) {
    const help = `see 'shipwell ${command} --help'`;
    const code = (error as { code?: string }).code;
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== undefined) {
      const known = [...Object.keys(options), 'help'].map((name) => `--${name}`);
      const closest = unknown.startsWith('--') ? suggestKey({ key: unknown, known }) : null;
      throw new InputError(`unknown option ${unknown}${closest ? `; did you mean ${closest}?` : ''}; ${help}`);
    }
    throw new InputError(`${(error as Error).message}; ${help}`);
  }
}
