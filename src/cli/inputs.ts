// `-i name=value` arguments -> the run's inputs. The syntax mirrors the seed's curl (`@` means a
// file) and HTTPie (`:=` means raw JSON), so nothing new has to be learnt.
import path from 'node:path';
import type { FileInput, InputValue, JsonValue } from '../supervity/types';
import { configError } from './errors';

type ArrayItem = string | number | boolean | FileInput;

/** Syntax of `-i`, shown in `run --help`. */
export const inputSyntaxHelp = `Inputs (-i, repeatable):
  -i name=text            a string; numbers (300, 0.5) and true/false are typed as such
  -i name=@./file.pdf     a file, sent by path (resolved to an absolute path; it must lie under
                          the worker's SUPERVITY_FILE_ROOT)
  -i 'name:=<json>'       raw JSON: objects, arrays, or a value kept as typed, e.g. -i 'id:="007"'
  -i tags=a -i tags=b     a repeated name becomes an array: ["a", "b"]`;

/** Parses every `-i` argument, resolving file paths against `cwd`. */
export function parseInputs(args: readonly string[], cwd: string): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  for (const arg of args) {
    const { name, value } = parseInput(arg, cwd);
    const previous = inputs[name];
    inputs[name] = previous === undefined ? value : appendItem(name, previous, value);
  }
  return inputs;
}

/** Parses one `name=value` / `name=@path` / `name:=json` argument. */
export function parseInput(arg: string, cwd: string): { name: string; value: InputValue } {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw configError(`input "${arg}" is not name=value; e.g. -i query="Summarize this document"`);
  const isJson = arg[eq - 1] === ':';
  const name = arg.slice(0, isJson ? eq - 1 : eq);
  const raw = arg.slice(eq + 1);
  if (!/^[\w.-]+$/.test(name)) throw configError(`input name "${name}" must be letters, digits, "_", "-" or "."`);
  if (isJson) return { name, value: parseJsonInput(name, raw) };
  if (raw.startsWith('@')) return { name, value: fileInput(name, raw.slice(1), cwd) };
  return { name, value: typedScalar(raw) };
}

function fileInput(name: string, file: string, cwd: string): FileInput {
  if (!file) throw configError(`input ${name}: "@" must be followed by a file path, e.g. -i ${name}=@./contract.pdf`);
  return { file: { path: path.resolve(cwd, file) } };
}

/** `300` -> 300, `true` -> true, anything else (including `007` and `1e5x`) stays text. */
function typedScalar(raw: string): string | number | boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(raw) && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

function parseJsonInput(name: string, raw: string): InputValue {
  let value: JsonValue;
  try {
    value = JSON.parse(raw) as JsonValue;
  } catch {
    throw configError(`input ${name}: ${JSON.stringify(raw)} is not valid JSON; quote it for the shell, e.g. -i '${name}:={"a":1}'`);
  }
  if (value === null) throw configError(`input ${name}: null is not a run input; leave the input out instead`);
  if (Array.isArray(value)) return value.map((item) => arrayItem(name, item));
  return value;
}

function arrayItem(name: string, item: JsonValue): ArrayItem {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return item;
  throw configError(`input ${name}: array items must be strings, numbers or booleans; send nested data as one JSON object`);
}

function appendItem(name: string, previous: InputValue, next: InputValue): InputValue {
  const items = Array.isArray(previous) ? previous : [asItem(name, previous)];
  const added = Array.isArray(next) ? next : [asItem(name, next)];
  return [...items, ...added];
}

function asItem(name: string, value: Exclude<InputValue, unknown[]>): ArrayItem {
  if (typeof value !== 'object' || 'file' in value) return value as ArrayItem;
  throw configError(`input ${name}: a JSON object cannot be repeated; send one object, or an array with -i '${name}:=[...]'`);
}
