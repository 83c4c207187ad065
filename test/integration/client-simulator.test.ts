import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startSimulator } from '../../src/simulator';
import type { Simulator } from '../../src/simulator';
import { SupervityClient } from '../../src/supervity/client';
import type { SupervityClientOptions } from '../../src/supervity/config';
import * as errors from '../../src/supervity/errors';
import { startFileServer, type FileServer } from '../fixtures/client/file-server';
import { readUntil } from '../fixtures/client/poll';

const token = 'tok-client-SECRET-9b1e';
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('SupervityClient against the simulator over real HTTP', () => {
  let sim: Simulator;
  let files: FileServer;
  let base: string;
  const clients: SupervityClient[] = [];
  const logLines: string[] = [];
  const thrown: unknown[] = [];
  const docBytes = Buffer.from('%PDF-1.7 a small document\n'.repeat(100));
  const remoteBytes = Buffer.from('remote bytes '.repeat(500));

  const logger = {
    debug: (message: string, attrs?: Record<string, unknown>) => void logLines.push(`${message} ${JSON.stringify(attrs)}`),
    warn: (message: string, attrs?: Record<string, unknown>) => void logLines.push(`${message} ${JSON.stringify(attrs)}`),
  };
  const client = (options: Partial<SupervityClientOptions> = {}) => {
    const created = new SupervityClient({ apiUrl: sim.url, token, fileRoot: path.join(base, 'root'), allowedUrlHosts: [files.host], logger, ...options });
    clients.push(created);
    return created;
  };
  const failure = async <T extends Error>(promise: Promise<unknown>, ErrorClass: new (...args: never[]) => T): Promise<T> => {
    const error = await promise.then(() => assert.fail('expected a rejection'), (caught: unknown) => caught);
    thrown.push(error);
    assert.ok(error instanceof ErrorClass, `expected ${ErrorClass.name}, got ${inspect(error)}`);
    return error;
  };
  const executeCalls = () => sim.stats().calls.execute;

  before(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'client-sim-'));
    mkdirSync(path.join(base, 'root', 'docs'), { recursive: true });
    mkdirSync(path.join(base, 'served'));
    writeFileSync(path.join(base, 'root', 'docs', 'contract.pdf'), docBytes);
    writeFileSync(path.join(base, 'outside.txt'), 'not yours');
    symlinkSync(path.join(base, 'outside.txt'), path.join(base, 'root', 'docs', 'link.txt'));
    writeFileSync(path.join(base, 'served', 'remote.bin'), remoteBytes);
    sim = await startSimulator({ port: 0, token });
    files = await startFileServer(path.join(base, 'served'));
  });
  beforeEach(() => sim.setFaults([]));
  after(async () => {
    await Promise.all(clients.map((created) => created.close()));
    await sim?.close();
    await files?.close();
    rmSync(base, { recursive: true, force: true });
  });

  describe('inputs', () => {
    it('delivers every input type intact (files checked by sha256 through demo.echo)', async () => {
      const api = client();
      const created = await api.executeRun('demo.echo', {
        query: 'Summarise "this", please\nline two',
        max_tokens: 256,
        ratio: 0.5,
        strict: false,
        tags: ['alpha', 'beta', 'gamma'],
        options: { depth: 2, nested: { list: [1, 'two', null] } },
        contract: { file: { path: 'docs/contract.pdf' }, contentType: 'application/pdf' },
        remote: { file: { url: files.url('remote.bin') } },
        note: { file: { base64: Buffer.from('inline note').toString('base64') }, filename: 'note.txt', contentType: 'text/plain' },
      });
      const run = await readUntil(api, created.runId, ['completed']);
      const inputs = (run.outputs as { inputs: Record<string, unknown> }).inputs;
      assert.equal(inputs.query, 'Summarise "this", please\r\nline two', 'multipart normalises line breaks to CRLF');
      assert.equal(inputs.max_tokens, '256');
      assert.equal(inputs.ratio, '0.5');
      assert.equal(inputs.strict, 'false');
      assert.deepEqual(inputs.tags, ['alpha', 'beta', 'gamma']);
      assert.deepEqual(JSON.parse(inputs.options as string), { depth: 2, nested: { list: [1, 'two', null] } });
      assert.deepEqual(inputs.contract, { filename: 'contract.pdf', contentType: 'application/pdf', size: docBytes.length, sha256: sha256(docBytes) });
      assert.deepEqual(inputs.remote, { filename: 'remote.bin', contentType: 'application/octet-stream', size: remoteBytes.length, sha256: sha256(remoteBytes) });
      assert.deepEqual(inputs.note, { filename: 'note.txt', contentType: 'text/plain', size: 11, sha256: sha256('inline note') });
    });

    it('refuses a path outside the root (.., absolute, symlink) before any request', async () => {
      const api = client();
      const before = executeCalls();
      for (const requested of ['../outside.txt', path.join(base, 'outside.txt'), 'docs/link.txt']) {
        const error = await failure(api.executeRun('demo.echo', { doc: { file: { path: requested } } }), errors.SupervityInputError);
        assert.match(error.message, /resolves outside the file root/);
      }
      assert.equal(executeCalls() - before, 0, 'no execute request was sent');
    });

    it('refuses a URL off the allow-list before any request', async () => {
      const api = client({ allowedUrlHosts: ['files.example.com'] });
      const before = executeCalls();
      const error = await failure(api.executeRun('demo.echo', { doc: { file: { url: files.url('remote.bin') } } }), errors.SupervityInputError);
      assert.match(error.message, /is not on the file URL allow-list/);
      assert.equal(executeCalls() - before, 0, 'no execute request was sent');
      const served = files.requests();
      await failure(api.executeRun('demo.echo', { doc: { file: { url: files.url('missing.bin') } } }), errors.SupervityInputError);
      assert.equal(files.requests(), served, 'nor was the file host contacted');
    });

    it('refuses a URL file the host does not have, before execute', async () => {
      const before = executeCalls();
      const error = await failure(client().executeRun('demo.echo', { doc: { file: { url: files.url('missing.bin') } } }), errors.SupervityInputError);
      assert.match(error.message, /answered 404/);
      assert.equal(executeCalls() - before, 0);
    });
  });

  describe('retries', () => {
    it('retries a 5xx and then succeeds', async () => {
      const api = client();
      const created = await api.executeRun('demo.echo', { case: '5xx' }, { idempotencyKey: 'key-5xx' });
      sim.setFaults([{ route: 'getRun', status: 503, times: 1 }]);
      const before = sim.stats().calls.getRun;
      const run = await api.getRun(created.runId);
      assert.equal(run.runId, created.runId);
      assert.equal(sim.stats().calls.getRun - before, 2);
    });

    it('never retries execute without an idempotency key', async () => {
      sim.setFaults([{ route: 'execute', status: 503, times: 1 }]);
      const before = executeCalls();
      const error = await failure(client().executeRun('demo.echo', { case: 'no-key' }), errors.SupervityServerError);
      assert.equal(error.status, 503);
      assert.equal(executeCalls() - before, 1);
    });

    it('honours Retry-After on 429', async () => {
      const api = client({ maxRetries: 0 });
      const created = await api.executeRun('demo.echo', { case: '429' }, { idempotencyKey: 'key-429' });
      sim.setFaults([{ route: 'getRun', status: 429, retryAfterSeconds: 1, times: 1 }]);
      const limited = await failure(api.getRun(created.runId), errors.SupervityRateLimitError);
      assert.equal(limited.retryAfterMs, 1_000);

      const retrying = client({ maxRetries: 1 });
      sim.setFaults([{ route: 'getRun', status: 429, retryAfterSeconds: 1, times: 1 }]);
      const logged = logLines.length;
      assert.equal((await retrying.getRun(created.runId)).runId, created.runId);
      const retryLog = logLines.slice(logged).find((line) => line.startsWith('supervity request retrying'));
      assert.match(retryLog ?? '', /"delayMs":1000/, 'the retry waited what Retry-After said');
    });

    it('creates exactly one run when the connection resets after the run was created (same key on every try, file re-opened)', async () => {
      sim.setFaults([{ route: 'execute', reset: 'after-create', times: 1 }]);
      const before = sim.stats();
      const api = client();
      const created = await api.executeRun('demo.echo', { case: 'reset', contract: { file: { path: 'docs/contract.pdf' } } }, { idempotencyKey: 'key-reset-1' });
      const after = sim.stats();
      assert.equal(after.calls.execute - before.calls.execute, 2, 'the first try was reset, the second answered');
      assert.equal(after.runsCreated - before.runsCreated, 1);
      assert.equal(after.idempotentReplays - before.idempotentReplays, 1);
      const run = await readUntil(api, created.runId, ['completed']);
      assert.equal((run.outputs as { inputs: { contract: { sha256: string } } }).inputs.contract.sha256, sha256(docBytes));
    });
  });

  describe('errors', () => {
    it('surfaces a 403 with the violation text', async () => {
      const error = await failure(client().executeRun('demo.forbidden', {}, { idempotencyKey: 'key-403' }), errors.SupervityPermissionDeniedError);
      assert.equal(error.status, 403);
      assert.match(error.violation ?? '', /policy "no-external-send"/);
      assert.match(error.message, /POST \/api\/v1\/workflow-runs\/execute answered 403 permission_denied/);
    });

    it('names the field of a 422, and 404 for unknown workflows and runs', async () => {
      const invalid = await failure(client().executeRun('demo.summarize', { max_tokens: 3 }), errors.SupervityInvalidInputError);
      assert.equal(invalid.field, 'inputs[query]');
      await failure(client().executeRun('demo.nope', {}), errors.SupervityNotFoundError);
      await failure(client().getRun('run_missing'), errors.SupervityNotFoundError);
    });

    it('refuses a wrong token with 401', async () => {
      await failure(client({ token: 'wrong-token' }).getRun('run_x'), errors.SupervityUnauthorizedError);
    });

    it('reports header timeouts and connection failures as such', async () => {
      sim.setFaults([{ route: 'getRun', latencyMs: 1_000, times: 1 }]);
      const timeout = await failure(client({ maxRetries: 0, timeouts: { headers: 100 } }).getRun('run_x'), errors.SupervityTimeoutError);
      assert.match(timeout.message, /no response headers within 100 ms \(timeouts\.headers\)/);
      const refused = await failure(client({ apiUrl: 'http://127.0.0.1:1', maxRetries: 0 }).getRun('run_x'), errors.SupervityConnectionError);
      assert.match(refused.message, /ECONNREFUSED/);
    });

    it('stops at once when the caller aborts', async () => {
      sim.setFaults([{ route: 'getRun', latencyMs: 5_000, times: 1 }]);
      const controller = new AbortController();
      const reason = new Error('caller gave up');
      const pending = client().getRun('run_x', { signal: controller.signal });
      setTimeout(() => controller.abort(reason), 50);
      await assert.rejects(pending, (error: unknown) => error === reason);
    });
  });

  describe('reviews and cancel', () => {
    it('lists, reads and submits a review, and cancels a run', async () => {
      const api = client();
      const created = await api.executeRun('demo.review', { case: 'review' }, { idempotencyKey: 'key-review' });
      const waiting = await readUntil(api, created.runId, ['waiting']);
      const formId = waiting.review?.formId ?? assert.fail('a waiting run has a review');
      assert.deepEqual((await api.listPendingReviews({ runId: created.runId })).map((form) => form.formId), [formId]);
      assert.equal((await api.getReviewForm(formId)).status, 'pending');
      const receipt = await api.submitReview(formId, { action: 'approve', comment: 'looks right', reviewer: 'ana' });
      assert.deepEqual([receipt.formId, receipt.action, receipt.status], [formId, 'approve', 'submitted']);
      await failure(api.submitReview(formId, { action: 'approve' }), errors.SupervityConflictError);

      const slow = await api.executeRun('demo.slow', { case: 'cancel' }, { idempotencyKey: 'key-cancel' });
      assert.equal((await api.cancelRun(slow.runId)).status, 'cancelled');
    });
  });

  it('never puts the token in a thrown error or a log line', () => {
    assert.ok(thrown.length >= 10, `checked ${thrown.length} errors`);
    for (const error of thrown) {
      for (const text of [inspect(error, { depth: 10 }), JSON.stringify(error), String(error), (error as Error).stack ?? '']) {
        assert.ok(!text.includes(token), `an error leaks the token: ${text}`);
      }
    }
    assert.ok(logLines.length > 10);
    assert.ok(logLines.every((line) => !line.includes(token)), 'a log line leaks the token');
    assert.ok(logLines.some((line) => line.includes('"authorization":"[redacted]"')));
  });
});
