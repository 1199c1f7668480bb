import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type Secrets = { authSecret: string; encryptionKey: string };

/**
 * Secrets for the embedded default set-up: generated once and kept in `secrets.json` beside the SQLite file
 * (mode 0600), so a restart can still verify sessions and decrypt what was encrypted. Production sets
 * AUTH_SECRET and ENCRYPTION_KEY instead.
 */
export function loadGeneratedSecrets(databaseUrl: string): Secrets {
  const file = path.join(path.dirname(path.resolve(databaseUrl.slice("file:".length))), "secrets.json");
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
