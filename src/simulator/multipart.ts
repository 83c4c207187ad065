// Streaming multipart/form-data (and urlencoded) parsing: files are hashed as they stream, never buffered.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { HttpError } from './http-error';

/** What the simulator keeps of an uploaded file. */
export interface ReceivedFile {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** A parsed form: text fields and files, each in arrival order. */
export interface ReceivedForm {
  fields: { name: string; value: string }[];
  files: { name: string; file: ReceivedFile }[];
}

const receivedFiles = new WeakSet<object>();

/** True for the file records {@link parseForm} made (a JSON input cannot pass for one). */
export function isReceivedFile(value: unknown): value is ReceivedFile {
  return value !== null && typeof value === 'object' && receivedFiles.has(value);
}

/** Size and count caps of one form. */
export interface FormLimits {
  maxFileBytes: number;
  maxFiles?: number;
  maxFields?: number;
  maxFieldBytes?: number;
}

function receiveFile(stream: Readable, name: string, info: busboy.FileInfo, maxFileBytes: number): Promise<ReceivedFile> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
    });
    // busboy truncates the part and keeps draining it, so the client can still read our 413.
    stream.on('limit', () => reject(new HttpError(413, 'file_too_large', `inputs file ${name} is over ${maxFileBytes} bytes`, { field: name })));
    stream.on('error', (err: Error) => reject(new HttpError(400, 'malformed_multipart', `file ${name}: ${err.message}`, { field: name })));
    stream.on('end', () => {
      const file = { filename: info.filename ?? '', contentType: info.mimeType, size, sha256: hash.digest('hex') };
      receivedFiles.add(file);
      resolve(file);
    });
  });
}

function createParser(req: IncomingMessage, limits: FormLimits): busboy.Busboy {
  try {
    return busboy({
      headers: req.headers,
      // busboy flags a file on reaching fileSize, so one byte more lets a file of exactly the cap through.
      limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles ?? 20, fields: limits.maxFields ?? 1000, fieldSize: limits.maxFieldBytes ?? 1024 * 1024 },
    });
  } catch (err) {
    req.resume();
    throw new HttpError(400, 'unsupported_body', `execute takes multipart/form-data (or urlencoded): ${(err as Error).message}`);
  }
}

/** Parses the request body as a form; malformed bodies give 400, oversized parts 413 (once drained). */
export async function parseForm(req: IncomingMessage, limits: FormLimits): Promise<ReceivedForm> {
  const parser = createParser(req, limits);
  const form: ReceivedForm = { fields: [], files: [] };
  const pending: Promise<void>[] = [];
  // Over-limit parts are drained by busboy; the first problem is answered once the body is read.
  let failure: HttpError | undefined;
  const fail = (err: HttpError) => void (failure ??= err);
  const done = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new HttpError(413, 'field_too_large', `field ${name} is over ${limits.maxFieldBytes ?? 1024 * 1024} bytes`, { field: name }));
      form.fields.push({ name, value });
    });
    parser.on('file', (name, stream, info) => {
      const received = receiveFile(stream, name, info, limits.maxFileBytes).then((file) => void form.files.push({ name, file }));
      pending.push(received.catch(fail));
    });
    parser.on('filesLimit', () => fail(new HttpError(413, 'too_many_files', 'the form has too many files')));
    parser.on('fieldsLimit', () => fail(new HttpError(413, 'too_many_fields', 'the form has too many fields')));
    parser.on('error', (err: Error) => {
      req.unpipe(parser);
      req.resume();
      reject(new HttpError(400, 'malformed_multipart', `malformed form body: ${err.message}`));
    });
    parser.on('close', resolve);
    req.on('aborted', () => reject(new HttpError(400, 'aborted', 'the client aborted the request')));
  });
  req.pipe(parser);
  await done;
  await Promise.all(pending);
  if (failure) throw failure;
  return form;
}
