// Flags shared by `dev` and `demo`: where the embedded environment keeps its data and listens.
import type { DevEnvironmentOptions } from '../dev';
import { configError } from './errors';

/** parseArgs options of the embedded environment. */
export const devFlags = {
  port: { type: 'string' },
  'ui-port': { type: 'string' },
  'sim-port': { type: 'string' },
  'data-dir': { type: 'string' },
  token: { type: 'string' },
} as const;

/** `--help` lines of {@link devFlags}. */
export const devFlagsHelp = `  --port N          Temporal gRPC port (default 7233)
  --ui-port N       Temporal Web UI port (default: --port + 1000)
  --sim-port N      Supervity simulator port (default 8787)
  --data-dir DIR    where Temporal's SQLite file lives (default .supervity-dev), kept across restarts
  --token T         the simulator's API token (default dev-token)`;

type DevFlagValues = { [K in keyof typeof devFlags]?: string };

/** The environment options the flags ask for. */
export function devOptionsFrom(values: DevFlagValues, cwd: string, env: NodeJS.ProcessEnv): DevEnvironmentOptions {
  return {
    cwd,
    env,
    dataDir: values['data-dir'],
    token: values.token,
    temporalPort: port('--port', values.port),
    uiPort: port('--ui-port', values['ui-port']),
    simulatorPort: port('--sim-port', values['sim-port']),
  };
}

function port(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw configError(`${flag} ${raw} is not a port number (0-65535; 0 picks a free one)`);
  return value;
}
