// The shape every `supervity-temporal` sub-command shares, so `src/cli.ts` only dispatches.

/** Exit codes scripts can rely on. */
export const ExitCode = {
  /** Done: the run completed, the review was accepted, the server stopped cleanly. */
  Ok: 0,
  /** The thing asked for failed: the run failed or was cancelled, the review was rejected. */
  Failed: 1,
  /** The command line was wrong (unknown flag, missing argument): see `--help`. */
  Usage: 2,
  /** A setting (env var or flag value) is missing or malformed: the message names it. */
  Config: 3,
  /** Temporal or Supervity could not be reached. */
  Unavailable: 4,
} as const;

/** Where a command writes and what it reads from its environment (injectable for tests). */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** One sub-command: `supervity-temporal <name> ...`. */
export interface CliCommand {
  name: string;
  /** One line for the top-level `--help`. */
  summary: string;
  /** Full `--help` text of this command. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}
