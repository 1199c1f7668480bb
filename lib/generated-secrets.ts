import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type Secrets = { authSecret: string; encryptionKey: string };

/**
 * Secrets for a single-machine set-up: generated once and kept in `data/secrets.json` (mode 0600, beside the
 * embedded database's directory), so a restart can still verify sessions and decrypt what was encrypted.
 * Several machines, and any production set-up, set AUTH_SECRET and ENCRYPTION_KEY instead (docs/deploy.md).
 */
export function loadGeneratedSecrets(dataDir: string): Secrets {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "secrets.json");
  const read = (): Secrets | undefined => {
    try {
      const value = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Secrets>;
      if (typeof value.authSecret === "string" && typeof value.encryptionKey === "string") {
        return { authSecret: value.authSecret, encryptionKey: value.encryptionKey };
      }
      throw new Error(`${file} is not a valid secrets file; delete it only if nothing encrypted with it must be kept.`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
  };
  const existing = read();
  if (existing) return existing;
  const fresh: Secrets = {
    authSecret: crypto.randomBytes(32).toString("base64url"),
    encryptionKey: crypto.randomBytes(32).toString("base64"),
  };
  try {
    // "wx": two processes starting together must not each write their own secrets.
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return read()!;
  }
}
