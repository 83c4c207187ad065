// supervity-temporal's public API: re-exports only. Workflow code is bundled from
// `src/workflows/index.ts`; what is exported from there here is safe to import in clients.

/** agentRunWorkflow (for typing `executeChild` / `client.workflow.start`), its types and messages. */
export type { agentRunWorkflow } from './workflows/agent-run';
export { reviewDecisionSignal, submitReviewUpdate, runUpdatedSignal, statusQuery } from './workflows/messages';
export { SupervityRunIdKey, SupervityRunStatusKey, supervitySearchAttributes } from './workflows/search-attributes';
export type * from './workflows/types';
/** agentChainWorkflow: a DAG of agent steps, each its own agentRunWorkflow child. */
export type { agentChainWorkflow } from './workflows/agent-chain';
export { chainStatusQuery, submitStepReviewUpdate, chainStepRunSignal } from './workflows/messages';
export { planChain, type ChainPlan, type PlannedStep } from './workflows/chain-graph';
export { parseRefPath, type ParsedRef } from './workflows/chain-refs';
export type * from './workflows/chain-types';
/** The `type` of every ApplicationFailure the package raises. */
export { FailureType, type FailureTypeName } from './failure-types';

/** The Temporal activities, for workers and for calling from your own workflows. */
export { createActivities, deriveIdempotencyKey, toActivityFailure, type ProgressHeartbeat } from './activities';
export type { SupervityActivities, ExecuteRunInput, AwaitRunProgressInput, AwaitRunChangeInput, SubmitReviewInput } from './activities';

/** The Supervity HTTP client, its options, errors, routes and retry policy. */
export { SupervityClient, type CallOptions, type ExecuteOptions, type ListReviewsOptions } from './supervity/client';
export { supervityConfigFromEnv, type SupervityClientOptions, type SupervityLogger } from './supervity/config';
export * from './supervity/errors';
export { defaultRoutes, type RouteName, type RoutesTable } from './supervity/routes';
export { decideRetry, parseRetryAfter, type RetryDecision } from './supervity/retry-policy';
export type * from './supervity/types';

/** The worker: embed it with createWorker, or run it from the environment. */
export { createWorker, runWorkerFromEnv, defaultWorkflowSource, type CreateWorkerOptions, type WorkerSummary, type RunWorkerHooks } from './worker';

/** Client helpers: start, await, review, inspect, cancel and list agent runs; Temporal settings from the environment. */
export {
  startAgentRun, runAgent, submitReview, signalReview, getRunStatus, cancelAgentRun, listWaitingRuns,
  agentRunWorkflowType, ReviewRejectedError, SearchAttributeNotRegisteredError,
  type StartAgentRunOptions, type AgentRunHandle, type AgentRunWorkflow, type WaitingRun,
} from './client';
/** The Temporal connection, namespace and task queue from the environment (`@temporalio/envconfig`). */
export {
  loadTemporalSettings, connectClientFromEnv, defaultTaskQueue, EnvSettingError, TemporalUnavailableError, type TemporalSettings,
} from './temporal-settings';

/** The local Supervity API simulator. */
export {
  startSimulator, BUILTIN_SCENARIOS, loadScenarioFile, parseScenarioFile, validateScenarios, validateFaultRules,
  ScenarioError, FaultRuleError, SimulatorOptionError, ROUTE_NAMES,
} from './simulator';
export type {
  Simulator, SimulatorOptions, SimulatorStats, RunStats, FaultRule, Scenario, ScenarioStep, StatusStep, ReviewStep,
  FailureSpec, InputSpec, InputType, ScenarioFile,
} from './simulator';

/** The embedded local environment (Temporal dev server + simulator + worker). */
export { startDevEnvironment, type DevEnvironment, type DevEnvironmentOptions } from './dev';
