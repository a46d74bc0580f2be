export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** A subcommand: its name, one-line summary, full `--help` text and runner. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Throws InputError (exit 2) or CheckFailed (exit 1); returns on success. */
  run(args: string[], io: CliIo): Promise<void>;
}
