// Client commands open one Temporal connection from the environment and always close it.
import type { Client } from '@temporalio/client';
import { connectClientFromEnv, type TemporalSettings } from '../temporal-settings';

/** Runs `work` with a client connected as the environment says, closing the connection after. */
export async function withClient<T>(env: NodeJS.ProcessEnv, work: (client: Client, settings: TemporalSettings) => Promise<T>): Promise<T> {
  const { client, settings } = await connectClientFromEnv(env);
  try {
    return await work(client, settings);
  } finally {
    await client.connection.close();
  }
}

/** Writes `value` as one line of JSON. */
export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}
