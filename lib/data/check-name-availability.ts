import "server-only";
import { findRegion } from "@/lib/catalog";
import { database } from "@/lib/db/database";
import { findNameClaim } from "@/lib/engine";
import { environmentNameSchema } from "@/lib/validations/environment-name";
import { regionChoices } from "@/lib/validations/install-settings";

export type NameAvailability = { name: string; domain?: string; available: boolean; message: string };

/** Whether `name` is free in `region` (across all accounts) and for this owner. */
export async function checkNameAvailability(userId: string, name: string, regionId: string): Promise<NameAvailability> {
  const parsed = environmentNameSchema.safeParse(name);
  if (!parsed.success) return { name, available: false, message: parsed.error.issues[0]?.message ?? "Invalid name." };
  const region = findRegion(regionId);
  if (!region) return { name, available: false, message: regionChoices() };
  const value = parsed.data;
  const domain = `${value}.${region.domain}`;
  const taken = await findNameClaim(database(), { region: region.id, owner: userId, name: value });
  if (!taken) return { name: value, domain, available: true, message: `${domain} is available.` };
  if (taken.userId === userId && taken.region !== region.id) {
    return { name: value, domain, available: false, message: `You already have an environment named "${value}" in another region.` };
  }
  return { name: value, domain, available: false, message: `${domain} is taken. Choose another name.` };
}
