// Top level of the `supervity-temporal` command: help, version, dispatch, and errors -> exit codes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, type CliCommand, type CliIO } from './command';
import { describeError } from './error-exit';
import { wantsHelp } from './parse';

/** Runs `supervity-temporal <argv...>` with the given commands; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIO, commands: readonly CliCommand[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(topLevelHelp(commands));
    return ExitCode.Usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topLevelHelp(commands));
    return ExitCode.Ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${packageVersion()}\n`);
    return ExitCode.Ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`supervity-temporal: unknown command "${name}" (see "supervity-temporal --help")\n`);
    return ExitCode.Usage;
  }
  if (wantsHelp(rest)) {
    io.stdout.write(command.usage);
    return ExitCode.Ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    const { exitCode, message } = describeError(err, io.env);
    io.stderr.write(`supervity-temporal ${name}: ${message}\n`);
    return exitCode;
  }
}

function topLevelHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `supervity-temporal ${packageVersion()}: run Supervity AI agents as durable Temporal workflows

Usage: supervity-temporal <command> [options]    (every command takes --help)

Commands:
${lines.join('\n')}

Exit codes: 0 done, 1 the run/review failed, 2 bad command line, 3 bad setting, 4 Temporal or Supervity unreachable.
Settings come from the environment (SUPERVITY_API_URL, SUPERVITY_TOKEN, TEMPORAL_ADDRESS, ...): see "worker --help".
`;
}

/** The package version, from the package.json next to `src/` or `lib/`. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Entry for a Node process: runs the CLI on `process` and exits with its code. */
export function runAsProcess(argv: string[], commands: readonly CliCommand[]): void {
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  void runCli(argv, io, commands).then((code) => process.exit(code));
}
