import type { Logger } from '../log.ts';

/**
 * Keeps the embedded PostgreSQL running under `kumoji serve`. The server is
 * started by pg_ctl in its own session, so it is no child of ours and sends
 * no exit event: its postmaster is looked for every second instead. When it
 * is gone (killed, crashed, stopped by hand) it is started again on the same
 * data folder (never re-initialised), with a growing pause between failed
 * attempts; PostgreSQL's crash recovery replays the WAL on the way up.
 * Meanwhile requests are answered 503 and the pool reconnects on its own.
 */

const CHECK_EVERY_MS = 1000;

/** 1 s, 2 s, 4 s … at most 30 s between failed restarts: quick after a blip, quiet during a long outage. */
export function restartDelayMs(failedAttempts: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failedAttempts - 1));
}

export interface SupervisedServer {
  /** Whether the server's postmaster is alive. */
  running(): boolean;
  /** Starts it on its existing data folder. */
  start(): Promise<void>;
  dataDir: string;
}

export interface Supervisor {
  /** Stops watching; waits for a restart under way so the caller can then stop the server. */
  stop(): Promise<void>;
}

export function superviseEmbeddedServer(server: SupervisedServer, logger: Logger): Supervisor {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let restarting: Promise<void> | null = null;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref();
    });

  async function restart(): Promise<void> {
    logger.error({ dataDir: server.dataDir }, 'the embedded database stopped; starting it again');
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await server.start();
        logger.warn({ dataDir: server.dataDir, attempt }, 'the embedded database is running again');
        return;
      } catch (err) {
        const delay = restartDelayMs(attempt);
        logger.error({ err, dataDir: server.dataDir, attempt, retryInSeconds: delay / 1000 }, 'the embedded database did not start; trying again');
        await pause(delay);
      }
    }
  }

  async function watch(): Promise<void> {
    while (!stopped) {
      await pause(CHECK_EVERY_MS);
      if (stopped || server.running()) continue;
      restarting = restart();
      await restarting;
      restarting = null;
    }
  }
  void watch();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await restarting;
    },
  };
}
