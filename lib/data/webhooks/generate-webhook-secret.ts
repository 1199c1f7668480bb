import "server-only";
import { randomBytes } from "node:crypto";

/** A signing secret as Standard Webhooks writes them: whsec_ and the base64 of the key (32 random bytes). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
