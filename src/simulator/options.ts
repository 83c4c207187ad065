// Validation of startSimulator's options, with messages that name the option.
import { validateFaultRules } from './faults';
import type { Scenario } from './scenario-types';
import { validateScenarios } from './scenarios';
import type { FaultRule, SimulatorOptions } from './types';

/** An option of startSimulator is malformed; the message names it. */
export class SimulatorOptionError extends Error {
  override readonly name = 'SimulatorOptionError';
}

/** The options with defaults applied. */
export interface SimulatorConfig {
  port: number;
  host: string;
  token: string;
  scenarios: Record<string, Scenario>;
  faults: FaultRule[];
  maxFileBytes: number;
  seed?: number;
  clock: () => number;
}

/** Default cap of one uploaded file: 25 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

/** Applies defaults and checks every option; throws naming the bad one. */
export function validateOptions(options: SimulatorOptions): SimulatorConfig {
  const { port = 0, host = '127.0.0.1', token = 'sim-token', maxFileBytes = DEFAULT_MAX_FILE_BYTES, seed, clock = Date.now } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SimulatorOptionError(`port must be an integer from 0 to 65535, got ${String(port)}`);
  if (typeof host !== 'string' || host === '') throw new SimulatorOptionError('host must be a non-empty string such as 127.0.0.1');
  if (typeof token !== 'string' || token === '') throw new SimulatorOptionError('token must be a non-empty string');
  if (!Number.isInteger(maxFileBytes) || maxFileBytes < 1) throw new SimulatorOptionError(`maxFileBytes must be a positive integer, got ${String(maxFileBytes)}`);
  if (seed !== undefined && !Number.isInteger(seed)) throw new SimulatorOptionError(`seed must be an integer, got ${String(seed)}`);
  if (typeof clock !== 'function') throw new SimulatorOptionError('clock must be a function returning epoch ms');
  return {
    port,
    host,
    token,
    scenarios: validateScenarios(options.scenarios ?? {}),
    faults: validateFaultRules(options.faults ?? []),
    maxFileBytes,
    seed,
    clock,
  };
}
