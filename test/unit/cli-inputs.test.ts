import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ExitCode } from '../../src/cli/command';
import { CliError } from '../../src/cli/errors';
import { parseInputs } from '../../src/cli/inputs';

const cwd = '/home/me/project';
const configFailure = (pattern: RegExp) => (err: unknown) => err instanceof CliError && err.exitCode === ExitCode.Config && pattern.test(err.message);

describe('run -i: name=value inputs', () => {
  it('keeps text as strings and types numbers and booleans', () => {
    assert.deepEqual(parseInputs(['query=Summarize this document', 'max_tokens=300', 'ratio=0.5', 'neg=-2', 'strict=true', 'draft=false'], cwd), {
      query: 'Summarize this document', max_tokens: 300, ratio: 0.5, neg: -2, strict: true, draft: false,
    });
  });

  it('leaves number-like text that is not a plain number as text', () => {
    assert.deepEqual(parseInputs(['zip=007', 'exp=1e5', 'version=1.2.3', 'empty=', 'padded= 3'], cwd), { zip: '007', exp: '1e5', version: '1.2.3', empty: '', padded: ' 3' });
  });

  it('splits on the first "=" only', () => {
    assert.deepEqual(parseInputs(['filter=a=b'], cwd), { filter: 'a=b' });
  });

  it('turns @path into a file reference with an absolute path', () => {
    assert.deepEqual(parseInputs(['document=@./contract.pdf', 'other=@/tmp/x.txt'], cwd), {
      document: { file: { path: path.join(cwd, 'contract.pdf') } },
      other: { file: { path: '/tmp/x.txt' } },
    });
  });

  it('collects a repeated name into an array, files included', () => {
    assert.deepEqual(parseInputs(['tags=a', 'tags=b', 'tags=3', 'docs=@a.pdf', 'docs=@b.pdf'], cwd), {
      tags: ['a', 'b', 3],
      docs: [{ file: { path: path.join(cwd, 'a.pdf') } }, { file: { path: path.join(cwd, 'b.pdf') } }],
    });
  });

  it('reads name:=<json> as raw JSON: objects, arrays, and values kept as typed', () => {
    assert.deepEqual(parseInputs(['obj:={"a":1,"b":[true]}', 'list:=["x",2]', 'id:="007"', 'n:=42'], cwd), {
      obj: { a: 1, b: [true] }, list: ['x', 2], id: '007', n: 42,
    });
  });

  it('appends JSON arrays to repeated names', () => {
    assert.deepEqual(parseInputs(['tags=a', 'tags:=["b","c"]'], cwd), { tags: ['a', 'b', 'c'] });
  });
});

describe('run -i: malformed inputs name the input and the fix (exit 3)', () => {
  it('rejects an argument without "="', () => {
    assert.throws(() => parseInputs(['query'], cwd), configFailure(/input "query" is not name=value/));
  });

  it('rejects an empty or odd name', () => {
    assert.throws(() => parseInputs(['=x'], cwd), configFailure(/not name=value/));
    assert.throws(() => parseInputs(['a b=x'], cwd), configFailure(/input name "a b"/));
  });

  it('rejects invalid JSON, null, and objects inside arrays', () => {
    assert.throws(() => parseInputs(['obj:={a:1}'], cwd), configFailure(/input obj: .* is not valid JSON/));
    assert.throws(() => parseInputs(['gone:=null'], cwd), configFailure(/input gone: null/));
    assert.throws(() => parseInputs(['rows:=[{"a":1}]'], cwd), configFailure(/input rows: array items/));
  });

  it('rejects a repeated JSON object and an empty file path', () => {
    assert.throws(() => parseInputs(['o:={"a":1}', 'o:={"b":2}'], cwd), configFailure(/input o: a JSON object cannot be repeated/));
    assert.throws(() => parseInputs(['document=@'], cwd), configFailure(/input document: "@" must be followed by a file path/));
  });
});
