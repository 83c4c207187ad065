// Run inputs -> multipart/form-data. Inputs are checked (and URL files fetched to a temp file) once
// per call; the FormData is built per try, so a retry re-opens every file instead of reusing a spent stream.
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FormData } from 'undici';
import { SupervityInputError } from './errors';
import { checkFileInput, isFileInput, type CheckedFile, type FileInputPolicy } from './file-inputs';
import type { InputValue } from './types';

/** One multipart field of input `input`: text, or a checked file. */
export type MultipartEntry = { input: string; text: string } | { input: string; file: CheckedFile };

/** Inputs ready to be sent, any number of times, until `dispose()` removes their temp files. */
export interface PreparedInputs {
  entries: MultipartEntry[];
  dispose(): Promise<void>;
}

/** Fetches a URL file input to `destination` (streamed to disk). */
export type FileDownloader = (url: URL, destination: string, input: string) => Promise<void>;

/**
 * Checks every input (refusing bad ones before any request), then fetches URL files to a temp
 * directory. Strings, numbers and booleans become text fields, arrays repeated fields, other
 * objects JSON text; `undefined` inputs are left out.
 */
export async function prepareInputs(inputs: Record<string, InputValue> | undefined, policy: FileInputPolicy, download: FileDownloader): Promise<PreparedInputs> {
  const entries: MultipartEntry[] = [];
  for (const [name, value] of Object.entries(inputs ?? {})) {
    const values: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const item of values) entries.push(await toEntry(name, item, policy));
  }
  if (!entries.some(isUrlFile)) return { entries, dispose: () => Promise.resolve() };
  const directory = await mkdtemp(path.join(tmpdir(), 'supervity-inputs-'));
  const dispose = () => rm(directory, { recursive: true, force: true });
  try {
    const local: MultipartEntry[] = [];
    for (const [index, entry] of entries.entries()) local.push(await localCopy(entry, path.join(directory, String(index)), download));
    return { entries: local, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function isUrlFile(entry: MultipartEntry): boolean {
  return 'file' in entry && 'url' in entry.file.source;
}

async function localCopy(entry: MultipartEntry, destination: string, download: FileDownloader): Promise<MultipartEntry> {
  if (!('file' in entry) || !('url' in entry.file.source)) return entry;
  await download(entry.file.source.url, destination, entry.input);
  return { input: entry.input, file: { ...entry.file, source: { path: destination } } };
}

async function toEntry(name: string, value: unknown, policy: FileInputPolicy): Promise<MultipartEntry> {
  if (typeof value === 'string') return { input: name, text: value };
  if (typeof value === 'boolean') return { input: name, text: String(value) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SupervityInputError(`input "${name}": ${value} is not a finite number`, name);
    return { input: name, text: String(value) };
  }
  if (isFileInput(value)) return { input: name, file: await checkFileInput(name, value, policy) };
  if (typeof value === 'object' && value !== null) return { input: name, text: JSON.stringify(value) };
  const kind = value === null ? 'null' : typeof value;
  throw new SupervityInputError(`input "${name}": ${kind} is not a supported input; use a string, number, boolean, array, JSON object or file reference`, name);
}

/** A fresh FormData for one try: `workflowId`, then `inputs[name]` per entry, files as lazily read blobs. */
export async function buildFormData(workflowId: string, entries: MultipartEntry[]): Promise<FormData> {
  const form = new FormData();
  form.append('workflowId', workflowId);
  for (const entry of entries) {
    const field = `inputs[${entry.input}]`;
    if ('text' in entry) form.append(field, entry.text);
    else form.append(field, await openFile(entry.file), entry.file.filename);
  }
  return form;
}

async function openFile(file: CheckedFile): Promise<Blob> {
  if ('bytes' in file.source) return new Blob([file.source.bytes], { type: file.contentType });
  if ('path' in file.source) return await openAsBlob(file.source.path, { type: file.contentType });
  throw new Error('URL files are fetched by prepareInputs before the FormData is built');
}
