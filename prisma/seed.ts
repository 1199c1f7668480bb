import { auth } from "@/lib/auth/auth";
import { database } from "@/lib/db/database";

export const demoAccount = {
  name: "Demo User",
  email: process.env.DEMO_EMAIL?.trim() || "demo@clusterport.dev",
  password: process.env.DEMO_PASSWORD || "clusterport-demo",
} as const;

/** Creates the demo account on the Business plan (both topologies) unless it exists. Idempotent. */
export async function seedDemoAccount(): Promise<{ created: boolean }> {
  const pool = database();
  const existing = await pool.query(`SELECT id FROM "user" WHERE email = $1`, [demoAccount.email]);
  if (existing.rowCount === 0) {
    await auth().api.signUpEmail({
      body: { name: demoAccount.name, email: demoAccount.email, password: demoAccount.password },
    });
  }
  await pool.query(`UPDATE "user" SET plan = 'business' WHERE email = $1`, [demoAccount.email]);
  return { created: existing.rowCount === 0 };
}
