// The activities module: createActivities and the types of its heartbeat.
export { createActivities } from './create-activities';
export type { ProgressHeartbeat } from './await-run-progress';
export { deriveIdempotencyKey } from './idempotency-key';
export { toActivityFailure } from './failures';
export type * from './types';
