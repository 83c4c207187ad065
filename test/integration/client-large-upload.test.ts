import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { SupervityClient } from '../../src/supervity/client';
import { readUntil } from '../fixtures/client/poll';

const token = 'tok-upload-SECRET';
const MiB = 1024 * 1024;
const fileMiB = 200;

async function writeLargeFile(file: string): Promise<string> {
  const chunk = randomBytes(MiB);
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  for (let i = 0; i < fileMiB; i += 1) {
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

async function startSimulatorProcess(): Promise<{ child: ChildProcess; url: string }> {
  const fixture = path.join(__dirname, '..', 'fixtures', 'client', 'sim-process.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, SIM_TOKEN: token, SIM_MAX_FILE_BYTES: String((fileMiB + 10) * MiB) },
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

describe('a 200 MB file input uploads with flat memory', () => {
  let root: string;
  let sim: { child: ChildProcess; url: string } | undefined;
  let client: SupervityClient;
  let expectedSha: string;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'client-upload-'));
    expectedSha = await writeLargeFile(path.join(root, 'big.bin'));
    sim = await startSimulatorProcess();
    client = new SupervityClient({ apiUrl: sim.url, token, fileRoot: root });
  });
  after(async () => {
    await client?.close();
    sim?.child.stdin?.end();
    if (sim && sim.child.exitCode === null) await once(sim.child, 'exit');
    rmSync(root, { recursive: true, force: true });
  });

  it(`streams ${fileMiB} MB from disk with the process RSS peak under base + 120 MB`, async () => {
    const base = process.memoryUsage.rss();
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    try {
      const created = await client.executeRun('demo.echo', { big: { file: { path: 'big.bin' } } }, { idempotencyKey: 'key-big' });
      const run = await readUntil(client, created.runId, ['completed']);
      const big = (run.outputs as { inputs: { big: { size: number; sha256: string } } }).inputs.big;
      assert.deepEqual([big.size, big.sha256], [fileMiB * MiB, expectedSha]);
    } finally {
      clearInterval(sampler);
    }
    const aboveMiB = (peak - base) / MiB;
    console.log(`[upload] ${fileMiB} MB file: base RSS ${(base / MiB).toFixed(0)} MB, peak ${(peak / MiB).toFixed(0)} MB, +${aboveMiB.toFixed(1)} MB above base`);
    assert.ok(aboveMiB < 120, `peak RSS was ${aboveMiB.toFixed(1)} MB above base`);
  });
});
