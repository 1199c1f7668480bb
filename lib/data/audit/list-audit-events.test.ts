import { beforeAll, describe, expect, it } from "vitest";
import { insertTestUser } from "@/lib/db/testing/create-test-database";
import { useAppDatabase } from "@/lib/db/testing/use-app-database";

/**
 * The audit log's order on a real database: newest first by the time each entry happened, whatever order the
 * entries were written in (ids), and keyset pages that neither lose nor repeat an entry while new ones arrive.
 */
const userId = "audit-user";
let listAuditEvents: typeof import("./list-audit-events").listAuditEvents;
let recordAudit: typeof import("@/lib/audit/record-audit").recordAudit;

const app = useAppDatabase({ max: 5 });

beforeAll(async () => {
  await insertTestUser(app.db.pool, userId, "business");
  ({ listAuditEvents } = await import("./list-audit-events"));
  ({ recordAudit } = await import("@/lib/audit/record-audit"));
}, 60_000);

const record = (action: string, at: string, target = "") => recordAudit({ userId, via: "browser", ip: "", userAgent: "vitest", now: new Date(at) }, { action, target });

describe("audit log order", () => {
  it("lists entries newest first by time, not in the order they were written — page and API alike", async () => {
    await record("order.late", "2026-12-07T10:36:00.000Z");
    await record("order.early", "2026-12-07T09:59:00.000Z");
    await record("order.middle", "2026-12-07T10:00:00.000Z");
    const { items } = await listAuditEvents(userId, { action: "order." }, { limit: 10 });
    expect(items.map((e) => [e.action, e.at])).toEqual([
      ["order.late", "2026-12-07T10:36:00.000Z"],
      ["order.middle", "2026-12-07T10:00:00.000Z"],
      ["order.early", "2026-12-07T09:59:00.000Z"],
    ]);

    const { createApiToken } = await import("@/lib/data/api-tokens/create-api-token");
    const { dispatchV1 } = await import("@/lib/api-v1/dispatch");
    const { token } = await createApiToken(userId, { name: "audit-reader", scope: "read" }, { userId, via: "browser", ip: "", userAgent: "vitest" });
    const url = "http://clusterport.test/api/v1/audit?action=order.&limit=2";
    const first = await dispatchV1(new Request(url, { headers: { authorization: `Bearer ${token}` } }), ["audit"]);
    const firstBody = (await first.json()) as { items: { action: string }[]; nextCursor: string };
    const second = await dispatchV1(new Request(`${url}&cursor=${firstBody.nextCursor}`, { headers: { authorization: `Bearer ${token}` } }), ["audit"]);
    const secondBody = (await second.json()) as { items: { action: string }[]; nextCursor: string | null };
    expect([...firstBody.items, ...secondBody.items].map((e) => e.action)).toEqual(["order.late", "order.middle", "order.early"]);
    expect(secondBody.nextCursor).toBeNull();
  });

  it("pages with a cursor lose and repeat nothing while entries arrive, and keep the order across pages", async () => {
    // Times out of id order, several in the same millisecond (ordered among themselves by id).
    const base = Date.parse("2026-12-01T00:00:00.000Z");
    const offsets = [17, 3, 3, 3, 25, 9, 0, 14, 14, 21, 6, 30, 1, 12, 12, 27, 8, 19, 5, 2];
    for (const [i, minutes] of offsets.entries()) await record("paging.before", new Date(base + minutes * 60_000).toISOString(), `e${i}`);
    const existing = (await app.db.pool.query<{ id: string }>(`SELECT id::text FROM audit_event WHERE action = 'paging.before'`)).rows.map((r) => r.id);

    const seen: { id: string; at: string; action: string }[] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await listAuditEvents(userId, { action: "paging." }, { limit: 3, ...(before ? { before } : {}) });
      seen.push(...page.items);
      pages += 1;
      if (!page.more) break;
      before = page.items.at(-1)!.id;
      // Between pages: a new entry now (above every page), one at the very time of the cursor's entry, and one
      // far in the past (below it, so it shows on a later page — new, not a repeat).
      await record("paging.new", new Date().toISOString());
      await record("paging.new", page.items.at(-1)!.at);
      await record("paging.new", new Date(base - pages * 60_000).toISOString());
    }
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(existing.filter((id) => !ids.includes(id))).toEqual([]);
    const sorted = [...seen].sort((a, b) => (a.at === b.at ? Number(BigInt(b.id) - BigInt(a.id)) : a.at < b.at ? 1 : -1));
    expect(seen.map((e) => e.id)).toEqual(sorted.map((e) => e.id));
    // The entries written below the cursor as the pages went were found too.
    expect(seen.filter((e) => e.action === "paging.new" && e.at < new Date(base).toISOString())).toHaveLength(pages - 1);
  });
});
