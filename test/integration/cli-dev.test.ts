// `dev` and `demo`: the embedded environment as users start it, in one process tree.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ExitCode } from '../../src/cli/command';
import { cleanEnv, runCliToEnd, spawnCli, type CliProcess } from './cli-harness';

const freePorts = ['--port', '0', '--ui-port', '0', '--sim-port', '0'];

/** Starts `dev` and answers the environment it printed for other shells. */
async function startDev(dataDir: string): Promise<{ dev: CliProcess; env: NodeJS.ProcessEnv }> {
  const dev = spawnCli(['dev', ...freePorts, '--data-dir', dataDir], cleanEnv({}));
  await dev.waitFor(/Ctrl-C stops everything/);
  const exported = Object.fromEntries([...dev.output().matchAll(/^\s*export (\w+)=(\S+)$/gm)].map(([, name, value]) => [name, value]));
  return { dev, env: cleanEnv(exported) };
}

describe('supervity-temporal dev', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'supervity-dev-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves run/status from another shell, stops cleanly on SIGINT, and keeps workflows across restarts', async () => {
    const first = await startDev(dataDir);
    assert.match(first.dev.output(), /Web UI +http:\/\/localhost:\d+/);
    const ran = await runCliToEnd(['run', 'demo.summarize', '-i', 'query=kept across restarts', '--id', 'dev-restart-1', '--wait'], first.env);
    assert.equal(ran.code, ExitCode.Ok, ran.stderr);
    first.dev.child.kill('SIGINT');
    const stopped = await first.dev.exited;
    assert.equal(stopped.code, ExitCode.Ok, stopped.stderr);
    assert.match(stopped.stdout, /SIGINT received; stopping the worker, the simulator and the Temporal server\.\.\.\nstopped\n$/);
    assert.ok(existsSync(path.join(dataDir, 'temporal.db')));
    assert.ok(!existsSync(path.join(dataDir, 'dev.pid')), 'the data directory is released');

    const second = await startDev(dataDir);
    try {
      const status = await runCliToEnd(['status', 'dev-restart-1'], second.env);
      assert.equal(status.code, ExitCode.Ok, status.stderr);
      assert.match(status.stdout, /COMPLETED[\s\S]*"summary": "Summary: kept across restarts"/);
    } finally {
      second.dev.child.kill('SIGTERM');
      assert.equal((await second.dev.exited).code, ExitCode.Ok);
    }
  });
});

describe('supervity-temporal demo (npm start)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'supervity-demo-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs demo.review to its outputs, approving the review, and exits 0', async () => {
    const out = await runCliToEnd(['demo', ...freePorts, '--data-dir', dataDir], cleanEnv({}));
    assert.equal(out.code, ExitCode.Ok, out.stdout + out.stderr);
    assert.match(out.stdout, /waiting for review: form \S+ at step "approve-draft"/);
    assert.match(out.stdout, /\$ supervity-temporal review \S+ approve --comment/);
    assert.match(out.stdout, /completed: run \S+ after 1 attempt\(s\), reviews: approve by demo-reviewer/);
    assert.match(out.stdout, /"decision": "approve"/);
    assert.match(out.stdout, /Temporal Web UI for this workflow: http:\/\/localhost:\d+\/namespaces\/default\/workflows\/agent-run-demo\.review-/);
    assert.match(out.stdout, /stopped\.\n$/);
  });
});
