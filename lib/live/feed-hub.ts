import type Database from "better-sqlite3";
import { statement } from "@/lib/engine/statement";
import { buildEnvironmentList, type EnvironmentListItem } from "./build-environment-list";
import { buildStatusSnapshot } from "./build-status-snapshot";
import type { FeedEvent, FeedMessage } from "./status-snapshot";

type Subscriber = { environmentId: string; eventCursor: number; logCursor: number; send(message: FeedMessage): void };

export type FeedHub = {
  /**
   * Sends what the subscriber missed since `afterEventId` (none when undefined), then a snapshot, then every
   * change as it is committed. Returns the unsubscribe function.
   */
  subscribe(environmentId: string, afterEventId: number | undefined, send: (message: FeedMessage) => void): () => void;
  /** The account's environment list now and after every change to any of them. */
  subscribeAccount(userId: string, send: (list: EnvironmentListItem[]) => void): () => void;
  /** Number of open subscriptions (tests, benchmarks). */
  size(): number;
};

/**
 * One feed per process for every open status page. A single timer looks for new events with one indexed
 * query (`MAX(id)`), whatever the number of pages, and only when something changed reads the new events,
 * builds each changed environment's snapshot ONCE and fans it out to that environment's pages. Events written
 * by other processes (workers) are seen the same way, since everything goes through the database.
 */
export function createFeedHub(conn: Database.Database, pollMs = 100, timeScale = 1): FeedHub {
  const byEnvironment = new Map<string, Set<Subscriber>>();
  const byAccount = new Map<string, Set<(list: EnvironmentListItem[]) => void>>();
  let lastSeen = currentMaxEventId(conn);
  let timer: NodeJS.Timeout | undefined;

  const tick = () => {
    const max = currentMaxEventId(conn);
    if (max === lastSeen) return;
    const changed = statement(conn, "SELECT DISTINCT environmentId FROM environment_event WHERE id > ?").all(lastSeen) as {
      environmentId: string;
    }[];
    lastSeen = max;
    for (const { environmentId } of changed) {
      const subscribers = byEnvironment.get(environmentId);
      if (subscribers && subscribers.size > 0) deliver(environmentId, subscribers);
    }
    if (byAccount.size > 0) {
      const owner = statement(conn, "SELECT userId FROM environment WHERE id = ?");
      const accounts = new Set(changed.map((c) => (owner.get(c.environmentId) as { userId: string } | undefined)?.userId));
      for (const userId of accounts) {
        const listeners = userId ? byAccount.get(userId) : undefined;
        if (!listeners) continue;
        const list = buildEnvironmentList(conn, userId!);
        for (const listen of listeners) listen(list);
      }
    }
  };

  const deliver = (environmentId: string, subscribers: Set<Subscriber>) => {
    const from = Math.min(...[...subscribers].map((s) => s.eventCursor));
    const events = statement(
      conn,
      "SELECT id, type, message, stepKey, operationId, createdAt FROM environment_event WHERE environmentId = ? AND id > ? ORDER BY id",
    ).all(environmentId, from) as FeedEvent[];
    const logFrom = Math.min(...[...subscribers].map((s) => s.logCursor));
    const logs = statement(
      conn,
      "SELECT id, at, level, stepKey, node, message FROM log_line WHERE environmentId = ? AND id > ? ORDER BY id",
    ).all(environmentId, logFrom) as { id: number; at: string; level: "info" | "warn" | "error"; stepKey: string | null; node: string | null; message: string }[];
    const snapshot = buildStatusSnapshot(conn, environmentId, timeScale);
    for (const s of subscribers) {
      for (const e of events) {
        if (e.id > s.eventCursor) s.send({ event: "change", id: e.id, data: { ...e, createdAt: new Date(e.createdAt).toISOString() } });
      }
      const fresh = logs.filter((l) => l.id > s.logCursor).map((l) => ({ ...l, at: new Date(l.at).toISOString() }));
      if (fresh.length > 0) s.send({ event: "logs", data: fresh });
      s.send({ event: "snapshot", data: snapshot });
      s.eventCursor = Math.max(s.eventCursor, snapshot.lastEventId, events.at(-1)?.id ?? 0);
      s.logCursor = Math.max(s.logCursor, snapshot.lastLogId);
    }
  };

  /** Adds a listener, starts the timer, and returns the function that removes it again. */
  function register<T>(map: Map<string, Set<T>>, key: string, listener: T): () => void {
    const set = map.get(key) ?? new Set<T>();
    map.set(key, set.add(listener));
    ensureTimer();
    return () => {
      set.delete(listener);
      if (set.size === 0) map.delete(key);
      stopWhenIdle();
    };
  }

  const stopWhenIdle = () => {
    if (byEnvironment.size > 0 || byAccount.size > 0 || !timer) return;
    clearInterval(timer);
    timer = undefined;
    lastSeen = currentMaxEventId(conn);
  };

  const ensureTimer = () => {
    if (timer) return;
    timer = setInterval(() => {
      try {
        tick();
      } catch {
        // A failed read (e.g. a busy database) is retried on the next tick.
      }
    }, pollMs);
    timer.unref();
  };

  return {
    subscribe(environmentId, afterEventId, send) {
      const snapshot = buildStatusSnapshot(conn, environmentId, timeScale);
      const subscriber: Subscriber = { environmentId, eventCursor: afterEventId ?? snapshot.lastEventId, logCursor: snapshot.lastLogId, send };
      // Catch up synchronously: nothing can be committed in this process meanwhile, and later commits by
      // anyone get ids above what is read here, so the timer picks them up. No gap, no duplicate.
      if (afterEventId !== undefined) {
        const missed = statement(
          conn,
          "SELECT id, type, message, stepKey, operationId, createdAt FROM environment_event WHERE environmentId = ? AND id > ? AND id <= ? ORDER BY id",
        ).all(environmentId, afterEventId, snapshot.lastEventId) as FeedEvent[];
        for (const e of missed) send({ event: "change", id: e.id, data: { ...e, createdAt: new Date(e.createdAt).toISOString() } });
        subscriber.eventCursor = snapshot.lastEventId;
      }
      send({ event: "snapshot", data: snapshot });
      return register(byEnvironment, environmentId, subscriber);
    },
    subscribeAccount(userId, send) {
      send(buildEnvironmentList(conn, userId));
      return register(byAccount, userId, send);
    },
    size: () =>
      [...byEnvironment.values()].reduce((n, s) => n + s.size, 0) + [...byAccount.values()].reduce((n, s) => n + s.size, 0),
  };
}

function currentMaxEventId(conn: Database.Database): number {
  return (statement(conn, "SELECT COALESCE(MAX(id), 0) AS id FROM environment_event").get() as { id: number }).id;
}
