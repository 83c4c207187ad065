// One embedded environment per data directory: two Temporal servers on one SQLite file would corrupt it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Claims `dir` for this process; answers the release function. Throws if a live process holds it. */
export function claimDataDir(dir: string): () => void {
  const file = path.join(dir, 'dev.pid');
  const holder = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`${dir} is in use by another supervity-temporal dev (pid ${holder}); stop it, or pass --data-dir <another directory>`);
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
