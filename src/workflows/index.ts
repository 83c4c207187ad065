// The workflow bundle entry: everything the worker registers, and the message definitions.
export * from './agent-run';
export * from './messages';
export * from './search-attributes';
export * from './agent-chain';
