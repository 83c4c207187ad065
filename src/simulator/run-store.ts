// In-memory runs, their forms, attempt counters and idempotency keys.
import { randomBytes } from 'node:crypto';
import { canonicalInputs } from './inputs';
import type { RunRecord } from './run-engine';
import type { Scenario } from './scenario-types';

/** What an `Idempotency-Key` was first used for. */
interface KeyUse {
  runId: string;
  fingerprint: string;
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

/** All state of one simulator. */
export class RunStore {
  readonly runs = new Map<string, RunRecord>();
  /** formId -> run and review step index. */
  readonly forms = new Map<string, { runId: string; index: number }>();
  private readonly attempts = new Map<string, number>();
  private readonly keys = new Map<string, KeyUse>();

  /** The run first created with `key`, and whether this request asks for the same thing. */
  findByKey(key: string, workflowId: string, inputs: Record<string, unknown>): { run: RunRecord; sameRequest: boolean } | undefined {
    const use = this.keys.get(key);
    const run = use && this.runs.get(use.runId);
    if (!use || !run) return undefined;
    return { run, sameRequest: use.fingerprint === `${workflowId} ${canonicalInputs(inputs, false)}` };
  }

  /** Creates a run; its attempt counts earlier runs of the same workflowId and non-file inputs. */
  create(workflowId: string, scenario: Scenario, inputs: Record<string, unknown>, now: number, key?: string): RunRecord {
    const attemptKey = `${workflowId} ${canonicalInputs(inputs, true)}`;
    const attempt = (this.attempts.get(attemptKey) ?? 0) + 1;
    this.attempts.set(attemptKey, attempt);
    const run: RunRecord = { runId: newId('run'), workflowId, scenario, attempt, createdAt: now, inputs, formIds: new Map(), decisions: new Map() };
    (scenario.steps ?? []).forEach((step, index) => {
      if (!('review' in step)) return;
      const formId = newId('form');
      run.formIds.set(index, formId);
      this.forms.set(formId, { runId: run.runId, index });
    });
    this.runs.set(run.runId, run);
    if (key !== undefined) this.keys.set(key, { runId: run.runId, fingerprint: `${workflowId} ${canonicalInputs(inputs, false)}` });
    return run;
  }
}
