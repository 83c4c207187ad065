// The bench's workflow bundle entry: the package's workflows plus the two comparisons.
export * from '../src/workflows';
export * from './bare/workflow';
export * from './baseline/workflow';
