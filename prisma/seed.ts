import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";

export const demoAccount = {
  name: "Demo User",
  email: process.env.DEMO_EMAIL?.trim() || "demo@clusterport.dev",
  password: process.env.DEMO_PASSWORD || "clusterport-demo",
} as const;

/** Creates the demo account on the Business plan (both topologies) unless it exists. Idempotent. */
export async function seedDemoAccount(): Promise<{ created: boolean }> {
  const existing = await db().user.findUnique({ where: { email: demoAccount.email } });
  if (!existing) {
    await auth().api.signUpEmail({
      body: { name: demoAccount.name, email: demoAccount.email, password: demoAccount.password },
    });
  }
  await db().user.update({ where: { email: demoAccount.email }, data: { plan: "business" } });
  return { created: !existing };
}
