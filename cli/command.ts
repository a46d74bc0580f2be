export interface CliIo {
  stdout: { write(text: string): unknown };
  /** `isTTY`/`columns` as a terminal has them: progress is a live line there, plain lines elsewhere. */
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

/** A subcommand: its name, one-line summary, full `--help` text and runner. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Throws InputError (exit 2), CheckFailed (exit 1) or NetworkError (exit 3); returns on success. */
  run(args: string[], io: CliIo): Promise<void>;
}
