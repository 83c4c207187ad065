// The Supervity HTTP client module: re-exports only.
export { SupervityClient, type CallOptions, type ExecuteOptions, type ListReviewsOptions } from './client';
export { supervityConfigFromEnv, type SupervityClientOptions, type SupervityLogger } from './config';
export * from './errors';
export { decideRetry, isTransient, parseRetryAfter, type RetryContext, type RetryDecision } from './retry-policy';
export { defaultRoutes, type RouteName, type RoutesTable } from './routes';
export { isFileInput } from './file-inputs';
export { redactHeaders } from './redact';
export type * from './types';
