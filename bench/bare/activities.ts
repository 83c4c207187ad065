/** The bare reference's only activity. */
export interface BareActivities {
  /** Does nothing. */
  noop(): Promise<void>;
}

/** The activities of the bare-Temporal worker. */
export function createBareActivities(): BareActivities {
  return { noop: () => Promise.resolve() };
}
