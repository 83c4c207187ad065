// File references -> checked sources, refused before any request when they point anywhere they must not.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { SupervityConfigError, SupervityInputError } from './errors';
import type { FileInput } from './types';

/** Where file inputs may come from. */
export interface FileInputPolicy {
  fileRoot?: string;
  allowedUrlHosts: string[];
  maxInlineFileBytes: number;
}

/** A file input after its checks: where its bytes come from, and how it is named in the upload. */
export interface CheckedFile {
  source: { path: string } | { url: URL } | { bytes: Buffer };
  filename: string;
  contentType: string;
}

/** True for `{ file: { path | url | base64 } }`; any other object is a JSON input. */
export function isFileInput(value: unknown): value is FileInput {
  if (typeof value !== 'object' || value === null || !('file' in value)) return false;
  const file: unknown = value.file;
  if (typeof file !== 'object' || file === null) return false;
  return ['path', 'url', 'base64'].some((key) => typeof (file as Record<string, unknown>)[key] === 'string');
}

/** Checks one file input against the policy (file root, URL allow-list, inline size cap). */
export async function checkFileInput(name: string, input: FileInput, policy: FileInputPolicy): Promise<CheckedFile> {
  const contentType = input.contentType ?? 'application/octet-stream';
  if ('path' in input.file) {
    const real = await resolveUnderRoot(name, input.file.path, policy.fileRoot);
    return { source: { path: real }, filename: input.filename ?? path.basename(real), contentType };
  }
  if ('url' in input.file) {
    const url = checkUrl(name, input.file.url, policy.allowedUrlHosts);
    return { source: { url }, filename: input.filename ?? (path.posix.basename(url.pathname) || 'file'), contentType };
  }
  if (typeof input.filename !== 'string' || input.filename === '') {
    throw new SupervityInputError(`input "${name}": an inline { file: { base64 } } needs a filename`, name);
  }
  return { source: { bytes: decodeInline(name, input.file.base64, policy.maxInlineFileBytes) }, filename: input.filename, contentType };
}

/** The URL as safe to print: no credentials, no query (signed URLs carry secrets there). */
export function printableUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

async function resolveUnderRoot(name: string, requested: string, fileRoot: string | undefined): Promise<string> {
  if (!fileRoot) {
    throw new SupervityInputError(`input "${name}": file paths are refused because no file root is configured; set SUPERVITY_FILE_ROOT (option fileRoot) to the directory file inputs may come from`, name);
  }
  const root = await realpath(fileRoot).catch((cause: unknown) => {
    throw new SupervityConfigError(`fileRoot (SUPERVITY_FILE_ROOT) ${fileRoot} cannot be resolved; point it at an existing directory`, { cause });
  });
  const outside = new SupervityInputError(`input "${name}": ${requested} resolves outside the file root ${fileRoot} (".." and symlinks included); move the file under the root`, name);
  const literal = path.resolve(fileRoot, requested);
  if (!isInside(path.resolve(fileRoot), literal) && !isInside(root, literal)) throw outside;
  const real = await realpath(literal).catch((cause: unknown) => {
    throw new SupervityInputError(`input "${name}": ${requested} does not exist under the file root ${fileRoot}`, name, { cause });
  });
  if (!isInside(root, real)) throw outside;
  if (!(await stat(real)).isFile()) throw new SupervityInputError(`input "${name}": ${requested} is not a regular file`, name);
  return real;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function checkUrl(name: string, text: string, allowedHosts: string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SupervityInputError(`input "${name}": file url is not an absolute URL`, name);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SupervityInputError(`input "${name}": file url must be http or https, got ${url.protocol}`, name);
  }
  const host = url.host.toLowerCase();
  if (!allowedHosts.includes(host) && !allowedHosts.includes(url.hostname.toLowerCase())) {
    throw new SupervityInputError(`input "${name}": host ${host} is not on the file URL allow-list; add it to SUPERVITY_URL_ALLOWLIST (option allowedUrlHosts)`, name);
  }
  return url;
}

function decodeInline(name: string, base64: string, maxBytes: number): Buffer {
  const text = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) throw new SupervityInputError(`input "${name}": file base64 is not valid base64`, name);
  const size = Math.floor((text.length * 3) / 4);
  if (size > maxBytes) {
    throw new SupervityInputError(`input "${name}": inline file is about ${size} bytes, over the ${maxBytes}-byte cap (maxInlineFileBytes); pass it as { file: { path } } or { file: { url } }`, name);
  }
  return Buffer.from(text, 'base64');
}
