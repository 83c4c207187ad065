import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { startSimulator, type Simulator } from '../../src/simulator';
import { simClient } from '../fixtures/simulator/client';

const BOUNDARY = 'sim-test-boundary';

function part(name: string, value: string, filename?: string): string {
  const disposition = `form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`;
  return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${filename ? 'Content-Type: application/pdf\r\n' : ''}\r\n${value}\r\n`;
}

async function rawExecute(url: string, body: string | Buffer, contentType = `multipart/form-data; boundary=${BOUNDARY}`) {
  const res = await request(`${url}/api/v1/workflow-runs/execute`, { method: 'POST', body, headers: { authorization: 'Bearer t', 'content-type': contentType } });
  return { status: res.statusCode, body: (await res.body.json()) as { error: { code: string; message: string; field?: string } } };
}

/** Sends a request whose body ends early on a socket that then closes: the client gives up mid-upload. */
function abandonedUpload(url: string): Promise<void> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      const partial = part('workflowId', 'demo.echo') + `--${BOUNDARY}\r\nContent-Disposition: form-data; name="inputs[f]"; filename="f.bin"\r\n\r\nabc`;
      socket.end(
        `POST /api/v1/workflow-runs/execute HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n` +
          `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: 100000\r\n\r\n${partial}`,
      );
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
    socket.resume();
  });
}

describe('simulator execute: malformed multipart never crashes the server', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ port: 0, token: 't', maxFileBytes: 64 * 1024 });
  });
  after(async () => {
    await sim?.close();
  });

  it('400 for a body cut before the closing boundary', async () => {
    const res = await rawExecute(sim.url, part('workflowId', 'demo.echo') + `--${BOUNDARY}\r\nContent-Disposition: form-data; name="inputs[a]"\r\n\r\nhal`);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'malformed_multipart');
  });

  it('400 naming workflowId when it is missing', async () => {
    const res = await rawExecute(sim.url, part('inputs[query]', 'q') + `--${BOUNDARY}--\r\n`);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.field, 'workflowId');
  });

  it('413 naming the field for a file over the limit, after draining the upload', async () => {
    const big = Buffer.concat([Buffer.from(part('workflowId', 'demo.echo')), Buffer.from(part('inputs[doc]', 'x'.repeat(64 * 1024 + 1), 'big.pdf')), Buffer.from(`--${BOUNDARY}--\r\n`)]);
    const res = await rawExecute(sim.url, big);
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'file_too_large');
    assert.equal(res.body.error.field, 'inputs[doc]');
  });

  it('accepts a file right at the limit and hashes it as it streams', async () => {
    const bytes = Buffer.alloc(64 * 1024, 7);
    const res = await simClient(sim.url, 't').execute('demo.echo', { doc: { file: bytes, filename: 'limit.bin' } });
    assert.equal(res.status, 200);
    const run = (await simClient(sim.url, 't').getRun(res.body.runId as string)).body;
    assert.deepEqual(run.outputs?.inputs, { doc: { filename: 'limit.bin', contentType: 'application/octet-stream', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } });
  });

  it('400 for a body that is not a form, and for fields that are not inputs[name]', async () => {
    const json = await rawExecute(sim.url, '{"workflowId":"demo.echo"}', 'application/json');
    assert.equal(json.status, 400);
    assert.equal(json.body.error.code, 'unsupported_body');
    const noBoundary = await rawExecute(sim.url, 'x', 'multipart/form-data');
    assert.equal(noBoundary.status, 400);
    const stray = await rawExecute(sim.url, part('workflowId', 'demo.echo') + part('query', 'q') + `--${BOUNDARY}--\r\n`);
    assert.equal(stray.status, 400);
    assert.equal(stray.body.error.field, 'query');
  });

  it('keeps serving after a client abandons an upload midway', async () => {
    const before = sim.stats().runsCreated;
    await abandonedUpload(sim.url);
    await abandonedUpload(sim.url);
    const res = await simClient(sim.url, 't').execute('demo.echo', { after: 'abandoned' });
    assert.equal(res.status, 200);
    assert.equal(sim.stats().runsCreated, before + 1);
  });

  it('accepts urlencoded forms too', async () => {
    const res = await rawExecute(sim.url, 'workflowId=demo.echo&inputs%5Bq%5D=hello', 'application/x-www-form-urlencoded');
    assert.equal(res.status, 200);
  });
});
