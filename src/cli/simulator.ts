// `supervity-temporal simulator`: the local Supervity API simulator, until SIGINT/SIGTERM.
import path from 'node:path';
import { BUILTIN_SCENARIOS, loadScenarioFile, ScenarioError, startSimulator, type Simulator, type SimulatorOptions } from '../simulator';
import { ExitCode, type CliCommand, type CliIO } from './command';
import { configError } from './errors';
import { parseCommandArgs, rejectExtraPositionals } from './parse';

const DEFAULT_TOKEN = 'sim-token';

const usage = `Usage: supervity-temporal simulator [--port 8787] [--host 127.0.0.1] [--token T] [--scenarios file.json]
                                  [--max-file-bytes N] [--seed N]

Serves a local Supervity Agent Execution API (execute, get run, cancel, user forms, /_sim/stats) with
scripted runs, for development and tests without the real service. State is in memory.

Options:
  --port N              port to listen on (default 8787; 0 picks a free one)
  --host H              interface to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --token T             bearer token every request must carry (default $SUPERVITY_TOKEN, else "${DEFAULT_TOKEN}")
  --scenarios FILE      JSON file { "scenarios": { "<workflowId>": {...} }, "faults": [...] }, merged over the built-ins
  --max-file-bytes N    largest accepted file input (default 26214400); bigger gets 413
  --seed N              seed for probabilistic fault rules ("rate"), for reproducible runs

Built-in workflows: ${Object.keys(BUILTIN_SCENARIOS).join(', ')}

Example:
  supervity-temporal simulator --port 8787 --token dev-token
  curl -X POST http://127.0.0.1:8787/api/v1/workflow-runs/execute -H "Authorization: Bearer dev-token" \\
    -F "workflowId=demo.summarize" -F "inputs[query]=Summarize this document"
`;

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  scenarios: { type: 'string' },
  'max-file-bytes': { type: 'string' },
  seed: { type: 'string' },
} as const;

function integerFlag(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw configError(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

async function scenarioOptions(file: string | undefined, cwd: string): Promise<Pick<SimulatorOptions, 'scenarios' | 'faults'>> {
  if (file === undefined) return {};
  try {
    return await loadScenarioFile(path.resolve(cwd, file));
  } catch (err) {
    if (err instanceof ScenarioError) throw configError(`--scenarios: ${err.message}`);
    throw err;
  }
}

async function start(simOptions: SimulatorOptions): Promise<Simulator> {
  try {
    return await startSimulator(simOptions);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw configError(`cannot listen on ${simOptions.host}:${simOptions.port} (${code}): pick another --port or --host`);
    }
    throw err;
  }
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function banner(sim: Simulator, tokenSource: 'flag' | 'env' | 'default', io: CliIO): void {
  const tokenLine = tokenSource === 'default' ? `  export SUPERVITY_TOKEN=${DEFAULT_TOKEN}\n` : '';
  const tokenNote = tokenSource === 'env' ? ' (token from $SUPERVITY_TOKEN)' : tokenSource === 'flag' ? ' (token from --token)' : '';
  io.stdout.write(`Supervity simulator listening on ${sim.url}${tokenNote}\n  export SUPERVITY_API_URL=${sim.url}\n${tokenLine}Ctrl-C to stop\n`);
}

/** `supervity-temporal simulator`. */
export const simulatorCommand: CliCommand = {
  name: 'simulator',
  summary: 'serve a local Supervity API simulator (scripted runs, reviews, faults, stats)',
  usage,
  async run(argv, io) {
    const parsed = parseCommandArgs('simulator', argv, options);
    const { values, positionals } = parsed;
    rejectExtraPositionals('simulator', positionals, 0);
    const tokenSource = values.token !== undefined ? 'flag' : io.env.SUPERVITY_TOKEN ? 'env' : 'default';
    const token = values.token ?? (io.env.SUPERVITY_TOKEN || DEFAULT_TOKEN);
    if (token === '') throw configError('--token must not be empty');
    const simOptions: SimulatorOptions = {
      port: integerFlag('port', values.port, 0, 65535) ?? 8787,
      host: values.host ?? '127.0.0.1',
      token,
      maxFileBytes: integerFlag('max-file-bytes', values['max-file-bytes'], 1, Number.MAX_SAFE_INTEGER),
      seed: integerFlag('seed', values.seed, 0, 2 ** 32 - 1),
      ...(await scenarioOptions(values.scenarios, io.cwd)),
    };
    const sim = await start(simOptions);
    const stopped = untilSignal();
    banner(sim, tokenSource, io);
    const signal = await stopped;
    await sim.close();
    io.stdout.write(`simulator: stopped (${signal})\n`);
    return ExitCode.Ok;
  },
};
