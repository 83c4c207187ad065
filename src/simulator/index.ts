// The simulator's public surface.
export { startSimulator } from './server';
export { BUILTIN_SCENARIOS } from './builtin-scenarios';
export { validateScenarios, ScenarioError } from './scenarios';
export { loadScenarioFile, parseScenarioFile, type ScenarioFile } from './scenario-file';
export { validateFaultRules, FaultRuleError } from './faults';
export { SimulatorOptionError, DEFAULT_MAX_FILE_BYTES } from './options';
export type { FailureSpec, InputSpec, InputType, ReviewStep, Scenario, ScenarioStep, StatusStep } from './scenario-types';
export type { FaultRule, RouteName, RunStats, Simulator, SimulatorOptions, SimulatorStats } from './types';
export { ROUTE_NAMES } from './types';
