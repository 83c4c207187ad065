import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SupervityInputError } from '../../src/supervity/errors';
import { checkFileInput, isFileInput, type FileInputPolicy } from '../../src/supervity/file-inputs';

describe('file inputs are checked before any request', () => {
  let base: string;
  let policy: FileInputPolicy;
  before(() => {
    base = mkdtempSync(path.join(tmpdir(), 'client-files-'));
    mkdirSync(path.join(base, 'root', 'sub'), { recursive: true });
    writeFileSync(path.join(base, 'root', 'sub', 'ok.txt'), 'ok');
    writeFileSync(path.join(base, 'secret.txt'), 'secret');
    symlinkSync(path.join(base, 'secret.txt'), path.join(base, 'root', 'escape.txt'));
    symlinkSync(path.join(base, 'root', 'sub', 'ok.txt'), path.join(base, 'root', 'inside-link.txt'));
    policy = { fileRoot: path.join(base, 'root'), allowedUrlHosts: ['files.example.com', '127.0.0.1:8080'], maxInlineFileBytes: 16 };
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  const refusal = async (input: unknown, pattern: RegExp, options: Partial<FileInputPolicy> = {}) => {
    await assert.rejects(checkFileInput('doc', input as never, { ...policy, ...options }), (error: unknown) => {
      assert.ok(error instanceof SupervityInputError, String(error));
      assert.equal(error.input, 'doc');
      assert.match(error.message, pattern);
      return true;
    });
  };

  it('accepts a path under the root, relative or absolute, and a symlink that stays inside', async () => {
    const real = path.join(base, 'root', 'sub', 'ok.txt');
    assert.deepEqual((await checkFileInput('doc', { file: { path: 'sub/ok.txt' } }, policy)).source, { path: real });
    assert.deepEqual((await checkFileInput('doc', { file: { path: real } }, policy)).source, { path: real });
    assert.deepEqual((await checkFileInput('doc', { file: { path: 'sub/../inside-link.txt' } }, policy)).source, { path: real });
    assert.equal((await checkFileInput('doc', { file: { path: 'sub/ok.txt' } }, policy)).filename, 'ok.txt');
  });

  it('refuses "..", absolute paths and symlinks that leave the root', async () => {
    await refusal({ file: { path: '../secret.txt' } }, /resolves outside the file root/);
    await refusal({ file: { path: path.join(base, 'secret.txt') } }, /resolves outside the file root/);
    await refusal({ file: { path: 'escape.txt' } }, /resolves outside the file root/);
    await refusal({ file: { path: '.' } }, /resolves outside the file root/);
  });

  it('refuses paths when no root is configured, missing files and directories', async () => {
    await refusal({ file: { path: 'sub/ok.txt' } }, /no file root is configured; set SUPERVITY_FILE_ROOT/, { fileRoot: undefined });
    await refusal({ file: { path: 'sub/missing.txt' } }, /does not exist under the file root/);
    await refusal({ file: { path: 'sub' } }, /is not a regular file/);
  });

  it('accepts http(s) URLs on the allow-list, by host or host:port', async () => {
    assert.equal((await checkFileInput('doc', { file: { url: 'https://files.example.com/a/report.pdf?sig=x' } }, policy)).filename, 'report.pdf');
    assert.ok(await checkFileInput('doc', { file: { url: 'http://127.0.0.1:8080/x' } }, policy));
  });

  it('refuses other schemes and hosts off the allow-list', async () => {
    await refusal({ file: { url: 'file:///etc/passwd' } }, /must be http or https/);
    await refusal({ file: { url: 'https://evil.example.com/x' } }, /host evil\.example\.com is not on the file URL allow-list; add it to SUPERVITY_URL_ALLOWLIST/);
    await refusal({ file: { url: 'http://127.0.0.1:9999/x' } }, /host 127\.0\.0\.1:9999 is not on the file URL allow-list/);
    await refusal({ file: { url: 'not a url' } }, /not an absolute URL/);
  });

  it('caps inline base64 files and requires a filename', async () => {
    assert.deepEqual((await checkFileInput('doc', { file: { base64: Buffer.from('hello').toString('base64') }, filename: 'h.txt' }, policy)).source, { bytes: Buffer.from('hello') });
    await refusal({ file: { base64: Buffer.alloc(64).toString('base64') }, filename: 'big.bin' }, /over the 16-byte cap \(maxInlineFileBytes\)/);
    await refusal({ file: { base64: 'aGk=' } }, /needs a filename/);
    await refusal({ file: { base64: '***' }, filename: 'x' }, /not valid base64/);
  });

  it('tells file references from JSON objects', () => {
    assert.equal(isFileInput({ file: { path: 'a' } }), true);
    assert.equal(isFileInput({ file: 'a' }), false);
    assert.equal(isFileInput({ file: { name: 'a' } }), false);
  });
});
