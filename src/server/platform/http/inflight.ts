/**
 * The route handlers still running. Closing the HTTP server waits for its
 * connections, not for handlers: a client that hung up mid-request leaves its
 * handler running. Shutdown waits for those before it ends the database pool,
 * so they finish their work instead of failing with "pool ended".
 */
export interface Inflight {
  track<T>(work: () => Promise<T>): Promise<T>;
  readonly count: number;
  /** Resolves true once none is running, or false after `timeoutMs`. */
  settled(timeoutMs: number): Promise<boolean>;
}

export function createInflight(): Inflight {
  let count = 0;
  let waiters: (() => void)[] = [];
  return {
    async track(work) {
      count++;
      try {
        return await work();
      } finally {
        count--;
        if (count === 0) {
          for (const wake of waiters) wake();
          waiters = [];
        }
      }
    },
    get count() {
      return count;
    },
    settled(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== wake);
          resolve(false);
        }, timeoutMs);
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.push(wake);
      });
    },
  };
}
