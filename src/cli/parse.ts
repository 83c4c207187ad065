// node:util parseArgs with the package's conventions: `--help` everywhere, usage errors as CliError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseCommandArgs} answers: the parsed flags and positionals, or a request for help. */
export type ParsedArgs<T extends Options> =
  | { help: true }
  | { help: false; values: ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>['values']; positionals: string[] };

/**
 * Parses a command's arguments strictly. Unknown flags and missing values become a usage error
 * naming the command; `-h`/`--help` anywhere asks for the usage text instead.
 */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T): ParsedArgs<T> {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { help: false, values, positionals };
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
