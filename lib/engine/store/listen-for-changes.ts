import pg from "pg";
import { changesChannel } from "./engine-transaction";

export type Change = { environmentId: string; userId: string; eventSeq: number; logSeq: number };

export type ChangeListener = {
  /** Resolves once LISTEN is in place, so nothing committed after it is missed. */
  ready: Promise<void>;
  close(): Promise<void>;
};

/**
 * One dedicated connection that LISTENs for the store's change notifications (sent at commit by every engine
 * transaction, in any process). When the connection drops it reconnects with backoff and calls `onReconnect`,
 * because notifications sent meanwhile are lost: the caller then re-reads what it shows.
 */
export function listenForChanges(
  url: string,
  handlers: {
    onChange(change: Change): void;
    onReconnect(): void;
    onError?(e: unknown): void;
    onStatus?(connected: boolean): void;
  },
): ChangeListener {
  let client: pg.Client | undefined;
  let closed = false;
  let failures = 0;
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));

  const connect = async (): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, application_name: "clusterport-listen", keepAlive: true });
    c.on("notification", (msg) => {
      if (msg.channel !== changesChannel || !msg.payload) return;
      try {
        handlers.onChange(JSON.parse(msg.payload) as Change);
      } catch (e) {
        handlers.onError?.(e);
      }
    });
    c.on("error", (e) => handlers.onError?.(e));
    c.on("end", () => {
      if (client !== c) return;
      client = undefined;
      handlers.onStatus?.(false);
      if (!closed) void retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${changesChannel}`);
    } catch (e) {
      handlers.onError?.(e);
      await c.end().catch(() => {});
      return retry();
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    const reconnected = failures > 0;
    failures = 0;
    handlers.onStatus?.(true);
    resolveReady();
    if (reconnected) handlers.onReconnect();
  };

  const retry = async (): Promise<void> => {
    failures += 1;
    await new Promise((r) => setTimeout(r, Math.min(10_000, 200 * 2 ** Math.min(failures, 6))));
    return connect();
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
