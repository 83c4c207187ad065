// Any error a command lets escape -> the exit code scripts rely on and one line for a human.
import { SearchAttributeNotRegisteredError } from '../client';
import { EnvSettingError, TemporalUnavailableError } from '../temporal-settings';
import { SupervityConfigError } from '../supervity/errors';
import { ExitCode } from './command';
import { CliError } from './errors';

/** The exit code and message for an error; a stack only when `DEBUG` is set. */
export function describeError(err: unknown, env: NodeJS.ProcessEnv): { exitCode: number; message: string } {
  const exitCode = exitCodeOf(err);
  const text = err instanceof Error ? err.message : String(err);
  const detail = env.DEBUG && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  return { exitCode, message: `${text}${detail}` };
}

// Everything else (a rejected review, an unknown workflow, a failed run) is the thing asked for failing.
function exitCodeOf(err: unknown): number {
  if (err instanceof CliError) return err.exitCode;
  if (err instanceof SupervityConfigError || err instanceof EnvSettingError || err instanceof SearchAttributeNotRegisteredError) return ExitCode.Config;
  if (err instanceof TemporalUnavailableError) return ExitCode.Unavailable;
  return ExitCode.Failed;
}
