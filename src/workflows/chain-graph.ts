// A chain's dependency graph: validation, `dependsOn` plus the edges `$from` implies, and cycle
// detection. Everything here fails before any step starts. Pure code.
import type { AgentChainInput, ChainFailurePolicy, ChainStep, ChainStepRun } from './chain-types';
import { chainInputError, collectStepRefs, type StepInputRef } from './chain-refs';

/** A validated step: what it runs and every step it waits for. */
export interface PlannedStep {
  name: string;
  run: ChainStepRun;
  /** `dependsOn` plus the steps its `$from` references read, unique and sorted. */
  dependsOn: string[];
  refs: StepInputRef[];
}

/** A validated, acyclic chain, steps in the order of the input. */
export interface ChainPlan {
  steps: PlannedStep[];
  failurePolicy: ChainFailurePolicy;
}

const STEP_NAME = /^[A-Za-z0-9_-]+$/;
const POLICIES: readonly ChainFailurePolicy[] = ['failFast', 'continue'];

/** Validates a chain and derives its graph; any problem fails `SupervityInvalidInput` naming the step. */
export function planChain(input: AgentChainInput): ChainPlan {
  const steps: unknown = input?.steps;
  if (!Array.isArray(steps) || steps.length === 0) throw chainInputError('a chain needs "steps": a non-empty array of steps');
  const failurePolicy = input.failurePolicy ?? 'failFast';
  if (!POLICIES.includes(failurePolicy)) {
    throw chainInputError(`failurePolicy "${String(failurePolicy)}" is not one of: ${POLICIES.join(', ')}`);
  }
  const names = new Set<string>();
  for (const step of steps as ChainStep[]) checkStepShape(step, names);
  const planned = (steps as ChainStep[]).map((step) => planStep(step, names));
  rejectCycles(planned);
  return { steps: planned, failurePolicy };
}

function checkStepShape(step: ChainStep, seen: Set<string>): void {
  const name = step?.name;
  if (typeof name !== 'string' || !STEP_NAME.test(name)) {
    throw chainInputError(`step name ${JSON.stringify(name)} is invalid: use letters, digits, "_" and "-"`, { step: name });
  }
  if (seen.has(name)) throw chainInputError(`step "${name}" appears twice: step names must be unique`, { step: name });
  if (typeof step.run?.workflowId !== 'string' || !step.run.workflowId) {
    throw chainInputError(`step "${name}" needs run.workflowId (the Supervity workflow to run)`, { step: name });
  }
  if ('resume' in step.run) throw chainInputError(`step "${name}": run.resume is internal to agentRunWorkflow; remove it`, { step: name });
  seen.add(name);
}

function planStep(step: ChainStep, names: ReadonlySet<string>): PlannedStep {
  const where = `step "${step.name}"`;
  const dependsOn: unknown = step.dependsOn ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((dep) => typeof dep !== 'string')) {
    throw chainInputError(`${where}: dependsOn must be an array of step names`, { step: step.name });
  }
  for (const dep of dependsOn as string[]) {
    if (!names.has(dep)) throw chainInputError(`${where} dependsOn "${dep}", which is not a step of this chain`, { step: step.name });
  }
  const refs = collectStepRefs(step.name, step.run.inputs);
  for (const { input, path, ref } of refs) {
    if (!names.has(ref.step)) {
      throw chainInputError(`${where} input "${input}": $from "${path}" reads step "${ref.step}", which is not a step of this chain`, {
        step: step.name,
        input,
        path,
      });
    }
  }
  const all = new Set([...(dependsOn as string[]), ...refs.map(({ ref }) => ref.step)]);
  return { name: step.name, run: step.run, dependsOn: [...all].sort(), refs };
}

/** Why `step` waits for `dep`, for cycle messages. */
function edgeReason(step: PlannedStep, dep: string): string {
  const ref = step.refs.find(({ ref }) => ref.step === dep);
  return ref ? `${step.name} -> ${dep} ($from "${ref.path}" in input "${ref.input}")` : `${step.name} -> ${dep} (dependsOn)`;
}

/** Depth-first search for a cycle; the failure lists its edges and where each comes from. */
function rejectCycles(steps: PlannedStep[]): void {
  const byName = new Map(steps.map((step) => [step.name, step]));
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (name: string): void => {
    if (done.has(name)) return;
    const loopStart = path.indexOf(name);
    if (loopStart >= 0) {
      const cycle = [...path.slice(loopStart), name];
      const edges = cycle.slice(0, -1).map((from, i) => edgeReason(byName.get(from)!, cycle[i + 1]));
      throw chainInputError(
        `steps form a cycle: ${edges.join(', ')}; a step can only depend on (or take $from) steps that come before it`,
        { step: name, cycle },
      );
    }
    path.push(name);
    for (const dep of byName.get(name)!.dependsOn) visit(dep);
    path.pop();
    done.add(name);
  };
  for (const step of steps) visit(step.name);
}
