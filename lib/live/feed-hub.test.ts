import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { virtualClock } from "@/lib/engine/clock";
import { createRunner } from "@/lib/engine/runner";
import { stepHandlers } from "@/lib/engine/steps";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import { createTestDatabase, insertTestUser } from "@/lib/engine/testing/test-database";
import { createFeedHub } from "./feed-hub";
import type { FeedMessage } from "./status-snapshot";

let db: ReturnType<typeof createTestDatabase>;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(() => db.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const changeIds = (messages: FeedMessage[]) => messages.flatMap((m) => (m.event === "change" ? [m.id] : []));
const allEventIds = (environmentId: string) =>
  (db.conn.prepare("SELECT id FROM environment_event WHERE environmentId = ? ORDER BY id").all(environmentId) as { id: number }[]).map((r) => r.id);

describe("feed hub", () => {
  it("streams every event once and in order, with snapshots and log lines, to every page of an environment", async () => {
    const userId = insertTestUser(db.conn);
    const clock = virtualClock();
    const { environmentId } = insertTestEnvironment(db.conn, { userId, name: "live", now: clock.now() });
    const hub = createFeedHub(db.conn, 5);
    const pages: FeedMessage[][] = [[], []];
    const stops = pages.map((messages) => hub.subscribe(environmentId, undefined, (m) => messages.push(m)));
    expect(pages[0]![0]?.event).toBe("snapshot");

    await createRunner({ conn: db.conn, clock, handlers: stepHandlers, encryptionKey: crypto.randomBytes(32).toString("base64") }).runUntilIdle();
    await sleep(50);
    for (const stop of stops) stop();
    expect(hub.size()).toBe(0);

    const afterSubscribe = allEventIds(environmentId).slice(1); // the first (queued) preceded the subscription
    for (const messages of pages) {
      expect(changeIds(messages)).toEqual(afterSubscribe);
      const last = messages.filter((m) => m.event === "snapshot").at(-1);
      expect(last?.event === "snapshot" && last.data.environment.status).toBe("running");
      const logIds = messages.flatMap((m) => (m.event === "logs" ? m.data.map((l) => l.id) : []));
      expect(logIds.length).toBeGreaterThan(10);
      expect(new Set(logIds).size).toBe(logIds.length);
    }
  });

  it("resumes after the last event a page saw: no gap, no duplicate", async () => {
    const userId = insertTestUser(db.conn);
    const clock = virtualClock();
    const { environmentId } = insertTestEnvironment(db.conn, { userId, name: "resume", now: clock.now() });
    await createRunner({ conn: db.conn, clock, handlers: stepHandlers, encryptionKey: crypto.randomBytes(32).toString("base64") }).runUntilIdle();
    const ids = allEventIds(environmentId);
    const seen = ids[Math.floor(ids.length / 2)]!;
    const hub = createFeedHub(db.conn, 5);
    const messages: FeedMessage[] = [];
    const stop = hub.subscribe(environmentId, seen, (m) => messages.push(m));
    stop();
    expect(changeIds(messages)).toEqual(ids.filter((id) => id > seen));
    expect(messages.at(-1)?.event).toBe("snapshot");
  });

  it("builds no snapshot and sends nothing for environments nobody watches", async () => {
    const userId = insertTestUser(db.conn);
    const clock = virtualClock();
    const watched = insertTestEnvironment(db.conn, { userId, name: "watched", now: clock.now() });
    insertTestEnvironment(db.conn, { userId, name: "unwatched", now: clock.now() });
    const hub = createFeedHub(db.conn, 5);
    const messages: FeedMessage[] = [];
    const stop = hub.subscribe(watched.environmentId, undefined, (m) => messages.push(m));
    await createRunner({ conn: db.conn, clock, handlers: stepHandlers, encryptionKey: crypto.randomBytes(32).toString("base64") }).runUntilIdle();
    await sleep(50);
    stop();
    const snapshots = messages.filter((m) => m.event === "snapshot");
    expect(snapshots.every((m) => m.event === "snapshot" && m.data.environment.name === "watched")).toBe(true);
  });

  it("keeps an account's environment list current, with progress that only grows until Running", async () => {
    const userId = insertTestUser(db.conn);
    const other = insertTestUser(db.conn, "user-2");
    const clock = virtualClock();
    insertTestEnvironment(db.conn, { userId, name: "mine", now: clock.now() });
    insertTestEnvironment(db.conn, { userId: other, name: "theirs", now: clock.now() });
    const hub = createFeedHub(db.conn, 5);
    const lists: { name: string; status: string; progress: number | undefined }[][] = [];
    const stop = hub.subscribeAccount(userId, (list) => lists.push(list.map((e) => ({ name: e.name, status: e.status, progress: e.operation?.progress }))));
    await createRunner({ conn: db.conn, clock, handlers: stepHandlers, encryptionKey: crypto.randomBytes(32).toString("base64") }).runUntilIdle();
    await sleep(50);
    stop();
    expect(lists[0]).toEqual([{ name: "mine", status: "queued", progress: 0 }]);
    expect(lists.at(-1)).toEqual([{ name: "mine", status: "running", progress: 100 }]);
    const progress = lists.map((l) => l[0]!.progress ?? 0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(lists.flat().some((e) => e.name === "theirs")).toBe(false);
  });
});
