import crypto from "node:crypto";
import { it } from "vitest";
import { createTestDatabase, insertTestUser } from "@/lib/db/testing/create-test-database";
import { createRunner, stepHandlers, virtualClock } from "@/lib/engine";
import { insertTestEnvironment } from "@/lib/engine/testing/insert-test-environment";
it("dbg", async () => {
  const db = await createTestDatabase();
  const userId = await insertTestUser(db.pool);
  await insertTestEnvironment(db.pool, { userId });
  let errors = 0;
  const r = createRunner({ pool: db.pool, clock: virtualClock(), handlers: stepHandlers, encryptionKey: crypto.randomBytes(32).toString("base64"), onError: (e) => { if (errors++ < 3) console.log("ERR", e); } , onOutcome: (s, o) => console.log(s.key, o) });
  await Promise.race([r.runUntilIdle(), new Promise((res) => setTimeout(res, 5000))]);
  await db.cleanup();
});
