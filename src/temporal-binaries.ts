import { existsSync } from 'node:fs';
import path from 'node:path';

/** Which local Temporal binary: the CLI (dev server) or the time-skipping test server. */
export type TemporalBinary = 'cli' | 'test-server';

const envOverride: Record<TemporalBinary, string> = {
  cli: 'TEMPORAL_CLI_PATH',
  'test-server': 'TEMPORAL_TEST_SERVER_PATH',
};
const fileName: Record<TemporalBinary, string> = { cli: 'temporal', 'test-server': 'temporal-test-server' };

/** The project-local folder `scripts/install-temporal.sh` installs into. */
export const localTemporalDir = path.resolve(__dirname, '..', '.temporal', 'bin');

/**
 * Path of a Temporal binary: the env override if set, else the project-local install, else
 * `undefined` (callers then let the SDK download its own, which needs internet).
 */
export function findTemporalBinary(binary: TemporalBinary, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env[envOverride[binary]];
  if (override) {
    if (!existsSync(override)) {
      throw new Error(`${envOverride[binary]}=${override} does not exist; unset it or point it at the ${fileName[binary]} binary`);
    }
    return override;
  }
  const local = path.join(localTemporalDir, fileName[binary]);
  return existsSync(local) ? local : undefined;
}
