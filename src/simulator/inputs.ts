// Turns a received form into the run's `workflowId` and typed inputs, validated against the scenario.
import { HttpError } from './http-error';
import { isReceivedFile, type ReceivedFile, type ReceivedForm } from './multipart';
import type { InputSpec, InputType } from './scenario-types';

/** One received value: a text field or a file part. */
type Received = string | ReceivedFile;

/** Inputs grouped by name, as sent. */
export interface RawInputs {
  workflowId: string;
  /** By input name: every value sent, and whether the `inputs[name][]` form was used. */
  inputs: Map<string, { values: Received[]; arrayForm: boolean }>;
}

const INPUT_FIELD = /^inputs\[([^\]]+)\](\[\])?$/;

/** Groups the form's parts; a missing `workflowId` or an unknown field name gives 400. */
export function groupForm(form: ReceivedForm): RawInputs {
  const workflowIds = form.fields.filter((f) => f.name === 'workflowId').map((f) => f.value.trim());
  if (workflowIds.length === 0 || workflowIds[0] === '') {
    throw new HttpError(400, 'missing_field', 'workflowId is required (a form field naming the workflow to run)', { field: 'workflowId' });
  }
  if (workflowIds.length > 1) throw new HttpError(400, 'invalid_field', 'workflowId was sent more than once', { field: 'workflowId' });
  const inputs: RawInputs['inputs'] = new Map();
  const parts = [...form.fields.map((f) => ({ name: f.name, value: f.value })), ...form.files.map((f) => ({ name: f.name, value: f.file }))];
  for (const { name, value } of parts) {
    if (name === 'workflowId') continue;
    const match = INPUT_FIELD.exec(name);
    if (!match) throw new HttpError(400, 'unknown_field', `unexpected form field ${name}: send inputs as inputs[name]`, { field: name });
    const entry = inputs.get(match[1]) ?? { values: [], arrayForm: false };
    entry.values.push(value);
    entry.arrayForm ||= match[2] !== undefined;
    inputs.set(match[1], entry);
  }
  return { workflowId: workflowIds[0], inputs };
}

function invalid(name: string, message: string): HttpError {
  return new HttpError(422, 'invalid_input', `inputs[${name}] ${message}`, { field: `inputs[${name}]` });
}

function coerce(name: string, value: Received, type: InputType): unknown {
  const isFile = typeof value !== 'string';
  if (type === 'file') {
    if (!isFile) throw invalid(name, 'must be a file part (curl -F "inputs[name]=@path")');
    return value;
  }
  if (isFile) throw invalid(name, `must be a ${type} text field, got a file`);
  if (type === 'number') {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed)) throw invalid(name, `must be a number, got ${JSON.stringify(value)}`);
    return parsed;
  }
  if (type === 'boolean') {
    if (value !== 'true' && value !== 'false') throw invalid(name, `must be true or false, got ${JSON.stringify(value)}`);
    return value === 'true';
  }
  if (type === 'json') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw invalid(name, 'must be JSON-encoded');
    }
  }
  return value;
}

/** Checks required and typed inputs (422 naming the field) and returns the typed input values. */
export function typedInputs(raw: RawInputs, specs: Record<string, InputSpec> = {}): Record<string, unknown> {
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && !raw.inputs.has(name)) throw invalid(name, 'is required');
  }
  const result: Record<string, unknown> = {};
  for (const [name, { values, arrayForm }] of raw.inputs) {
    const spec = specs[name];
    const many = spec ? spec.array === true : arrayForm || values.length > 1;
    if (!many && (arrayForm || values.length > 1)) throw invalid(name, `takes one value, got ${values.length}`);
    const typeOf = (value: Received): InputType => (spec ? (spec.type ?? 'string') : typeof value === 'string' ? 'string' : 'file');
    const typed = values.map((value) => coerce(name, value, typeOf(value)));
    result[name] = many ? typed : typed[0];
  }
  return result;
}

/** Stable JSON (sorted keys) of the inputs, files as their sha256 unless `withoutFiles` drops them. */
export function canonicalInputs(inputs: Record<string, unknown>, withoutFiles: boolean): string {
  const normalize = (v: unknown): unknown => {
    if (isReceivedFile(v)) return withoutFiles ? undefined : { sha256: v.sha256 };
    if (Array.isArray(v)) return v.map(normalize).filter((item) => item !== undefined);
    if (v !== null && typeof v === 'object') {
      const entries = Object.keys(v).sort().map((key) => [key, normalize((v as Record<string, unknown>)[key])] as const);
      return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
    }
    return v;
  };
  return JSON.stringify(normalize(inputs));
}
