// The workflow bundle entry: everything the worker registers, and the message definitions.
export * from './search-attributes';
