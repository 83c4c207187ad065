// The naive baseline's activity: POST execute, then GET the run every 5 s until it is terminal.
import { setTimeout as sleep } from 'node:timers/promises';

/** What the naive activity is asked to run. */
export interface NaiveRunInput {
  workflowId: string;
  inputs?: Record<string, string | number | boolean>;
}

/** The run as the naive activity last read it. */
export interface NaiveRun {
  runId: string;
  status: string;
  outputs?: Record<string, unknown>;
}

/** The naive worker's only activity. */
export interface NaiveActivities {
  /** Creates the run and blocks (holding its activity slot) until the run ends. */
  runAgentNaively(input: NaiveRunInput): Promise<NaiveRun>;
}

/** Where the naive activity calls Supervity, and how often it polls. */
export interface NaiveConfig {
  apiUrl: string;
  token: string;
  /** Default 5 s, the fixed sleep an afternoon's code would use. */
  pollMs?: number;
}

const terminal = new Set(['completed', 'failed', 'cancelled']);

/** The naive activities, calling Supervity with plain `fetch`. */
export function createNaiveActivities(config: NaiveConfig): NaiveActivities {
  const call = async (method: string, path: string, body?: FormData): Promise<NaiveRun> => {
    const response = await fetch(new URL(path, config.apiUrl), { method, body, headers: { authorization: `Bearer ${config.token}` } });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as NaiveRun;
  };
  return {
    async runAgentNaively({ workflowId, inputs = {} }) {
      const form = new FormData();
      form.set('workflowId', workflowId);
      for (const [name, value] of Object.entries(inputs)) form.set(`inputs[${name}]`, String(value));
      const { runId } = await call('POST', '/api/v1/workflow-runs/execute', form);
      for (;;) {
        const run = await call('GET', `/api/v1/workflow-runs/${encodeURIComponent(runId)}`);
        if (terminal.has(run.status)) return run;
        await sleep(config.pollMs ?? 5000);
      }
    },
  };
}
