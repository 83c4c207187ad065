// Local ports for the embedded environment: the conventional one when free, else any free one.
import net from 'node:net';

/** True when nothing listens on `host:port`. */
export async function isPortFree(port: number, host: string): Promise<boolean> {
  return await new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS reports free right now. */
export async function anyFreePort(host: string): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `preferred` when it is free; otherwise (or when it is 0) a free port if `fallback` allows,
 * else an error naming the flag that changes it.
 */
export async function choosePort(preferred: number, host: string, fallback: boolean, flag: string): Promise<number> {
  if (preferred !== 0 && (await isPortFree(preferred, host))) return preferred;
  if (preferred === 0 || fallback) return await anyFreePort(host);
  throw new Error(`port ${preferred} on ${host} is in use; stop what uses it or pass ${flag} <another port>`);
}
