// node:util parseArgs with the package's conventions: usage errors as CliError, `--help` recognised everywhere.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseCommandArgs} answers: the parsed flags and positionals. */
export type ParsedArgs<T extends Options> = {
  values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>['values'];
  positionals: string[];
};

/** True when a command's arguments ask for its usage text; `runCli` answers those before the command runs. */
export function wantsHelp(argv: string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** Parses a command's arguments strictly. Unknown flags and missing values become a usage error naming the command. */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T): ParsedArgs<T> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (err) {
    throw usageError(command, err instanceof Error ? err.message : String(err));
  }
}

/** The positional at `index`, or a usage error naming what is missing. */
export function requirePositional(command: string, positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined || value === '') throw usageError(command, `missing ${what}`);
  return value;
}

/** Rejects positionals beyond the `expected` count. */
export function rejectExtraPositionals(command: string, positionals: string[], expected: number): void {
  if (positionals.length > expected) throw usageError(command, `unexpected argument "${positionals[expected]}"`);
}
