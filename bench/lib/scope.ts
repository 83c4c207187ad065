// Closes what a case opened (servers, simulators, worker children), in reverse order, even on failure.

/** A set of resources closed together. */
export class Scope {
  private readonly closers: (() => Promise<unknown>)[] = [];

  /** Registers `resource` to be closed by `close(resource)` when the scope ends; answers it. */
  use<T>(resource: T, close: (resource: T) => Promise<unknown>): T {
    this.closers.push(() => close(resource));
    return resource;
  }

  /** Closes everything registered, newest first; a failing close is reported, not thrown. */
  async close(): Promise<void> {
    for (const closer of this.closers.splice(0).reverse()) {
      try {
        await closer();
      } catch (err) {
        console.error(`[bench] cleanup failed: ${(err as Error).message}`);
      }
    }
  }
}

/**
 * Runs `body` with a fresh scope and closes the scope after, whatever happens. The scope is also
 * registered in `parent`, so closing the parent early (on Ctrl-C) closes it too.
 */
export async function withScope<T>(parent: Scope, body: (scope: Scope) => Promise<T>): Promise<T> {
  const scope = parent.use(new Scope(), (s) => s.close());
  try {
    return await body(scope);
  } finally {
    await scope.close();
  }
}
