// The Supervity Agent Execution API as modelled (DESIGN.md section 3). Types only: the workflow
// bundle imports these, so this file must never gain runtime code.

/** Every state a Supervity run can be in. */
export type RunStatus = 'scheduled' | 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';

/** The pending human review of a run in `waiting`. */
export interface RunReview {
  formId: string;
  step?: string;
  prompt?: string;
  /** Actions the form accepts, e.g. `['approve', 'reject']`; absent means any action. */
  allowedActions?: string[];
  expiresAt?: string;
  [extra: string]: unknown;
}

/** Why a run failed, and whether Supervity says it may be retried. */
export interface RunError {
  reason: string;
  step?: string;
  message: string;
  retryable: boolean;
  [extra: string]: unknown;
}

/** A run as `GET /api/v1/workflow-runs/:runId` reports it. Unknown fields are kept. */
export interface SupervityRun {
  runId: string;
  status: RunStatus;
  outputs?: Record<string, unknown>;
  startedAt?: string;
  completedAt?: string;
  review?: RunReview;
  error?: RunError;
  [extra: string]: unknown;
}

/** What execute answers at once: the run exists, it has not finished. */
export interface ExecuteRunResponse {
  runId: string;
  status: RunStatus;
  [extra: string]: unknown;
}

/** A file input: a reference resolved by the worker, never bytes in workflow history (except small base64). */
export type FileInput =
  | { file: { path: string }; filename?: string; contentType?: string }
  | { file: { url: string }; filename?: string; contentType?: string }
  | { file: { base64: string }; filename: string; contentType?: string };

/** A JSON-encodable value sent as one multipart field. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One run input: strings, numbers and booleans as text fields; arrays as repeated fields; objects
 * JSON-encoded; files by reference.
 */
export type InputValue = string | number | boolean | FileInput | Array<string | number | boolean | FileInput> | { [key: string]: JsonValue };

/** A human review decision, relayed to `POST /api/v1/user-forms/:formId/submit`. */
export interface ReviewDecision {
  /** The form decided on; defaults to the run's pending form. */
  formId?: string;
  /** e.g. `approve`, `reject`, or any action the form allows. */
  action: string;
  data?: Record<string, unknown>;
  comment?: string;
  /** Who decided; recorded in the workflow result, not sent to Supervity. */
  reviewer?: string;
}

/** A pending review form as the user-forms routes report it. */
export interface ReviewForm {
  formId: string;
  runId: string;
  /** `pending`, `submitted`, or another state the API reports. */
  status: string;
  step?: string;
  prompt?: string;
  allowedActions?: string[];
  decision?: { action: string; data?: Record<string, unknown>; comment?: string };
  [extra: string]: unknown;
}

/** What the submit route answers once a decision is recorded. */
export interface ReviewReceipt {
  formId: string;
  runId?: string;
  action: string;
  status: string;
  [extra: string]: unknown;
}
