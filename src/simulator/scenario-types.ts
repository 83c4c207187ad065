// The scenario script format: what a user writes in a `--scenarios` file, keyed by workflowId.
import type { JsonValue } from '../supervity/types';

/** How a multipart text field (or file part) is read. */
export type InputType = 'string' | 'number' | 'boolean' | 'json' | 'file';

/** One declared input of a scenario. Undeclared inputs are accepted as text (or files). */
export interface InputSpec {
  /** Default `string`. */
  type?: InputType;
  /** Missing gives 422 naming `inputs[name]`. */
  required?: boolean;
  /** Repeated `inputs[name]` / `inputs[name][]` fields, each of `type`. */
  array?: boolean;
}

/** Why a run fails, as reported in the run's `error`; `message` may hold `{{...}}` placeholders. */
export interface FailureSpec {
  reason: string;
  message: string;
  step?: string;
  retryable: boolean;
}

/** The run stays in `status` for `durationMs` of the simulator's clock. */
export interface StatusStep {
  status: 'scheduled' | 'running';
  durationMs: number;
  /** Step name, reported in failures. */
  step?: string;
}

/** The run waits (`waiting`) until a decision is submitted on the form. */
export interface ReviewStep {
  review: {
    step?: string;
    prompt?: string;
    allowedActions?: string[];
    /** Decisions that end the run `failed`, e.g. `{ reject: { reason: 'review_rejected', ... } }`. */
    failOn?: Record<string, FailureSpec>;
  };
}

/** One step of a scenario's script. */
export type ScenarioStep = StatusStep | ReviewStep;

/** A simulated Supervity workflow: how execute validates it and how its runs move. */
export interface Scenario {
  description?: string;
  inputs?: Record<string, InputSpec>;
  /** Execute answers 403 with this violation; no run is created. */
  forbidden?: { violation: string; message?: string };
  /** The script; the first step is a status step (runs start `scheduled` or `running`). */
  steps?: ScenarioStep[];
  /** After the steps the run fails instead of completing: on `attempts` only (default every attempt). */
  fail?: FailureSpec & { attempts?: number[] };
  /** The completed run's outputs; string values may hold `{{...}}` placeholders. */
  outputs?: Record<string, JsonValue>;
}
