// Errors a command raises on purpose: each carries the exit code scripts see and one line to print.
import { ExitCode } from './command';

/** An error that ends a command with a known exit code and a one-line message (no stack). */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    /** One of {@link ExitCode}. */
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The command line is wrong; `--help` shows the right shape. */
export function usageError(command: string, message: string): CliError {
  return new CliError(ExitCode.Usage, `${message} (see "supervity-temporal ${command} --help")`);
}

/** A flag value or setting is malformed; the message names it and the fix. */
export function configError(message: string): CliError {
  return new CliError(ExitCode.Config, message);
}
