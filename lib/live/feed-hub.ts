import type { Pool } from "@/lib/db/pool";
import { findEvents, findLogLines, type Change, type ChangeListener, type EventRecord } from "@/lib/engine";
import { buildEnvironmentList, type EnvironmentListItem } from "./build-environment-list";
import { buildStatusSnapshot } from "./build-status-snapshot";
import type { FeedEvent, FeedMessage } from "./status-snapshot";
import { toLogLineView } from "./to-log-line-view";

type Subscriber = { eventCursor: number; logCursor: number; ready: boolean; send(message: FeedMessage): void };
type AccountListener = (list: EnvironmentListItem[]) => void;

export type FeedHub = {
  /**
   * Sends what the subscriber missed since `afterEventId` (none when undefined), then a snapshot, then every
   * change as it is committed. Resolves with the unsubscribe function.
   */
  subscribe(
    environmentId: string,
    afterEventId: number | undefined,
    send: (message: FeedMessage) => void,
  ): Promise<() => void>;
  /**
   * `onChange` after every change to the environment (and after a reconnect, when changes may have been missed) —
   * nothing read: for listeners that read what they need themselves (the clusters' Kubernetes API watches).
   */
  subscribeChanges(environmentId: string, onChange: () => void): Promise<() => void>;
  /** The account's environment list now and after every change to any of them. */
  subscribeAccount(userId: string, send: AccountListener): Promise<() => void>;
  /** Number of open subscriptions (tests, benchmarks). */
  size(): number;
  close(): Promise<void>;
};

/**
 * One feed per process for every open page. Changes arrive by PostgreSQL LISTEN/NOTIFY on ONE connection
 * (every engine transaction, in any process, notifies at commit which environment changed); for each changed
 * environment with open pages the hub reads the new events and log lines and builds the snapshot ONCE, then
 * fans them out. Deliveries per environment never overlap: a change arriving during one is folded into a
 * follow-up. If the listening connection drops, notifications sent meanwhile are lost, so on reconnect every
 * open page is brought up to date from the database; while it is down, pages are told (`status`).
 */
/** `appUrl` names the clusters' API in snapshots (lib/live/feed.ts passes APP_URL; the default is APP_URL's own default). */
export function createFeedHub(
  pool: Pool,
  listen: (handlers: Parameters<ListenFn>[0]) => ChangeListener,
  timeScale = 1,
  appUrl = "http://localhost:3000",
): FeedHub {
  const byEnvironment = new Map<string, Set<Subscriber>>();
  const byAccount = new Map<string, Set<AccountListener>>();
  const byChanges = new Map<string, Set<() => void>>();
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let listener: ChangeListener | undefined;
  let databaseUp = true;

  /** Runs `work` for `key`, never twice at once; a request during a run makes exactly one more run after it. */
  const serialize = (key: string, work: () => Promise<void>) => {
    if (running.has(key)) {
      again.add(key);
      return;
    }
    const run = (async () => {
      do {
        again.delete(key);
        try {
          await work();
        } catch {
          // The database is unreachable: the reconnect brings every page up to date.
        }
      } while (again.has(key));
      running.delete(key);
    })();
    running.set(key, run);
  };

  const deliver = (environmentId: string) =>
    serialize(`environment:${environmentId}`, async () => {
      const subscribers = [...(byEnvironment.get(environmentId) ?? [])].filter((s) => s.ready);
      if (subscribers.length === 0) return;
      const from = Math.min(...subscribers.map((s) => s.eventCursor));
      const logFrom = Math.min(...subscribers.map((s) => s.logCursor));
      const [events, lines, snapshot] = await Promise.all([
        findEvents(pool, environmentId, from),
        findLogLines(pool, environmentId, { after: logFrom }),
        buildStatusSnapshot(pool, environmentId, timeScale, appUrl),
      ]);
      // The same objects go to every page, so each is serialised once (sse-stream.ts).
      const feedEvents = events.map(toFeedEvent);
      const logs = lines.map(toLogLineView);
      for (const s of subscribers) {
        for (const e of feedEvents) if (e.id > s.eventCursor) s.send({ event: "change", id: e.id, data: e });
        const fresh = logs.length > 0 && logs[0]!.id > s.logCursor ? logs : logs.filter((l) => l.id > s.logCursor);
        if (fresh.length > 0) s.send({ event: "logs", data: fresh });
        s.send({ event: "snapshot", data: snapshot });
        s.eventCursor = Math.max(s.eventCursor, events.at(-1)?.seq ?? 0);
        s.logCursor = Math.max(s.logCursor, fresh.at(-1)?.id ?? 0);
      }
    });

  const deliverAccount = (userId: string) =>
    serialize(`account:${userId}`, async () => {
      const listeners = byAccount.get(userId);
      if (!listeners || listeners.size === 0) return;
      const list = await buildEnvironmentList(pool, userId);
      for (const l of listeners) l(list);
    });

  const broadcastStatus = () => {
    for (const set of byEnvironment.values()) {
      for (const s of set) s.send({ event: "status", data: { database: databaseUp ? "connected" : "reconnecting" } });
    }
  };

  const ensureListening = async () => {
    listener ??= listen({
      onChange(change: Change) {
        if (byEnvironment.has(change.environmentId)) deliver(change.environmentId);
        if (byAccount.has(change.userId)) deliverAccount(change.userId);
        for (const onChange of byChanges.get(change.environmentId) ?? []) onChange();
      },
      onReconnect() {
        for (const set of byChanges.values()) for (const onChange of set) onChange();
        for (const id of byEnvironment.keys()) deliver(id);
        for (const id of byAccount.keys()) deliverAccount(id);
      },
      onStatus(connected) {
        if (connected === databaseUp) return;
        databaseUp = connected;
        broadcastStatus();
      },
    });
    await listener.ready;
  };

  function register<T>(map: Map<string, Set<T>>, key: string, item: T): () => void {
    const set = map.get(key) ?? new Set<T>();
    map.set(key, set.add(item));
    return () => {
      set.delete(item);
      if (set.size === 0) map.delete(key);
    };
  }

  return {
    async subscribe(environmentId, afterEventId, send) {
      // Listening first, registered before reading: a change committed while the snapshot is read is delivered
      // after it (cursors keep it from being sent twice), so nothing falls between the two.
      await ensureListening();
      const subscriber: Subscriber = { eventCursor: 0, logCursor: 0, ready: false, send };
      const unsubscribe = register(byEnvironment, environmentId, subscriber);
      try {
        const snapshot = await buildStatusSnapshot(pool, environmentId, timeScale, appUrl);
        if (afterEventId !== undefined) {
          for (const e of await findEvents(pool, environmentId, afterEventId, snapshot.lastEventId))
            send({ event: "change", id: e.seq, data: toFeedEvent(e) });
        }
        send({ event: "snapshot", data: snapshot });
        if (!databaseUp) send({ event: "status", data: { database: "reconnecting" } });
        Object.assign(subscriber, { eventCursor: snapshot.lastEventId, logCursor: snapshot.lastLogId, ready: true });
        deliver(environmentId);
        return unsubscribe;
      } catch (e) {
        unsubscribe();
        throw e;
      }
    },
    async subscribeChanges(environmentId, onChange) {
      await ensureListening();
      return register(byChanges, environmentId, onChange);
    },
    async subscribeAccount(userId, send) {
      await ensureListening();
      const unsubscribe = register(byAccount, userId, send);
      deliverAccount(userId);
      return unsubscribe;
    },
    size: () =>
      [...byEnvironment.values(), ...byAccount.values(), ...byChanges.values()].reduce((n, s) => n + s.size, 0),
    async close() {
      await listener?.close();
      listener = undefined;
    },
  };
}

type ListenFn = (handlers: {
  onChange(change: Change): void;
  onReconnect(): void;
  onStatus?(connected: boolean): void;
}) => ChangeListener;

function toFeedEvent(e: EventRecord): FeedEvent {
  return {
    id: e.seq,
    type: e.type,
    message: e.message,
    stepKey: e.stepKey,
    operationId: e.operationId,
    createdAt: e.createdAt.toISOString(),
  };
}
