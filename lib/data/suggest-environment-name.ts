import "server-only";
import { randomInt } from "node:crypto";
import { checkNameAvailability } from "./check-name-availability";

const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

/** A random free name like "k8s-x7kq2m", checked against the region and the owner's names. */
export async function suggestEnvironmentName(userId: string, regionId: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    let suffix = "";
    for (let i = 0; i < 6; i += 1) suffix += alphabet[randomInt(alphabet.length)];
    const name = `k8s-${suffix}`;
    if ((await checkNameAvailability(userId, name, regionId)).available) return name;
  }
  // 32^6 names make twenty collisions in a row practically impossible; fall back to a longer suffix.
  return `k8s-${Date.now().toString(36)}`;
}
