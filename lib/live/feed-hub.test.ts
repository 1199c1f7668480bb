import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, insertTestUser, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { queryHelpers } from "@/lib/db/testing/query-helpers";
import { createRunner, listenForChanges, stepHandlers, virtualClock } from "@/lib/engine";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
import { createFeedHub, type FeedHub } from "./feed-hub";
import type { FeedMessage } from "./status-snapshot";

let db: TestDatabase;
let hub: FeedHub;
beforeEach(async () => {
  db = await createTestDatabase();
  hub = createFeedHub(db.pool, (handlers) => listenForChanges(db.url, handlers));
});
afterEach(async () => {
  await hub.close();
  await db.cleanup();
});

const { all } = queryHelpers(() => db.pool);
const changeIds = (messages: FeedMessage[]) => messages.flatMap((m) => (m.event === "change" ? [m.id] : []));
const allEventIds = async (environmentId: string) =>
  (
    await all<{ seq: number }>(
      `SELECT seq FROM environment_event WHERE "environmentId" = $1 ORDER BY seq`,
      environmentId,
    )
  ).map((r) => r.seq);
const run = (clock = virtualClock()) =>
  createRunner({
    pool: db.pool,
    clock,
    handlers: stepHandlers,
    encryptionKey: crypto.randomBytes(32).toString("base64"),
  }).runUntilIdle();
const lastSnapshotStatus = (messages: FeedMessage[]) => {
  const last = messages.filter((m) => m.event === "snapshot").at(-1);
  return last?.event === "snapshot" ? last.data.environment.status : undefined;
};

describe("feed hub", () => {
  it("streams every event once and in order, with snapshots and log lines, to every page of an environment", async () => {
    const userId = await insertTestUser(db.pool);
    const clock = virtualClock();
    const { environmentId } = await insertTestEnvironment(db.pool, { userId, name: "live", now: clock.now() });
    const pages: FeedMessage[][] = [[], []];
    const stops = await Promise.all(
      pages.map((messages) => hub.subscribe(environmentId, undefined, (m) => messages.push(m))),
    );
    expect(pages[0]![0]?.event).toBe("snapshot");

    await run(clock);
    const ids = await allEventIds(environmentId);
    const afterSubscribe = ids.slice(2); // queued environment and operation preceded the subscription
    for (const messages of pages) await expect.poll(() => changeIds(messages)).toEqual(afterSubscribe);
    for (const stop of stops) stop();
    expect(hub.size()).toBe(0);

    for (const messages of pages) {
      expect(lastSnapshotStatus(messages)).toBe("running");
      const logIds = messages.flatMap((m) => (m.event === "logs" ? m.data.map((l) => l.id) : []));
      expect(logIds.length).toBeGreaterThan(10);
      expect(logIds).toEqual(logIds.map((_, i) => i + 1));
    }
  });

  it("resumes after the last event a page saw: no gap, no duplicate", async () => {
    const userId = await insertTestUser(db.pool);
    const { environmentId } = await insertTestEnvironment(db.pool, { userId, name: "resume" });
    await run();
    const ids = await allEventIds(environmentId);
    const seen = ids[Math.floor(ids.length / 2)]!;
    const messages: FeedMessage[] = [];
    const stop = await hub.subscribe(environmentId, seen, (m) => messages.push(m));
    stop();
    expect(changeIds(messages)).toEqual(ids.filter((id) => id > seen));
    expect(messages.at(-1)?.event).toBe("snapshot");
  });

  it("builds no snapshot and sends nothing for environments nobody watches", async () => {
    const userId = await insertTestUser(db.pool);
    const clock = virtualClock();
    const watched = await insertTestEnvironment(db.pool, { userId, name: "watched", now: clock.now() });
    await insertTestEnvironment(db.pool, { userId, name: "unwatched", now: clock.now() });
    const messages: FeedMessage[] = [];
    const stop = await hub.subscribe(watched.environmentId, undefined, (m) => messages.push(m));
    await run(clock);
    await expect.poll(() => lastSnapshotStatus(messages)).toBe("running");
    stop();
    const snapshots = messages.filter((m) => m.event === "snapshot");
    expect(snapshots.every((m) => m.event === "snapshot" && m.data.environment.name === "watched")).toBe(true);
  });

  it("keeps an account's environment list current, with progress that only grows until Running", async () => {
    const userId = await insertTestUser(db.pool);
    const other = await insertTestUser(db.pool, "user-2");
    const clock = virtualClock();
    await insertTestEnvironment(db.pool, { userId, name: "mine", now: clock.now() });
    await insertTestEnvironment(db.pool, { userId: other, name: "theirs", now: clock.now() });
    const lists: { name: string; status: string; progress: number | undefined }[][] = [];
    const stop = await hub.subscribeAccount(userId, (list) =>
      lists.push(list.map((e) => ({ name: e.name, status: e.status, progress: e.operation?.progress }))),
    );
    await expect.poll(() => lists.length).toBeGreaterThan(0);
    await run(clock);
    await expect.poll(() => lists.at(-1)).toEqual([{ name: "mine", status: "running", progress: 100 }]);
    stop();
    expect(lists[0]).toEqual([{ name: "mine", status: "queued", progress: 0 }]);
    const progress = lists.map((l) => l[0]!.progress ?? 0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(lists.flat().some((e) => e.name === "theirs")).toBe(false);
  });

  it("survives losing its listening connection: pages are told, then brought up to date without a gap", async () => {
    const userId = await insertTestUser(db.pool);
    const clock = virtualClock();
    const { environmentId } = await insertTestEnvironment(db.pool, { userId, name: "flaky-db", now: clock.now() });
    const messages: FeedMessage[] = [];
    const stop = await hub.subscribe(environmentId, undefined, (m) => messages.push(m));
    // The server drops the hub's connection (as a failover or a restart would) while the install runs.
    await db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'clusterport-listen' AND datname = current_database()`,
    );
    await run(clock);
    const ids = await allEventIds(environmentId);
    await expect.poll(() => changeIds(messages), { timeout: 15_000 }).toEqual(ids.slice(2));
    stop();
    const statuses = messages.flatMap((m) => (m.event === "status" ? [m.data.database] : []));
    expect(statuses).toEqual(["reconnecting", "connected"]);
    expect(lastSnapshotStatus(messages)).toBe("running");
  });
});
