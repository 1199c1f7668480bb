import crypto from "node:crypto";

/**
 * AES-256-GCM with a random 96-bit IV per value; the format "v1.<iv>.<tag>.<ciphertext>" (base64url) leaves
 * room to rotate the scheme. The key is 32 bytes (ENCRYPTION_KEY, base64).
 */
export function encryptSecret(plain: string, keyBase64: string): string {
  const key = keyOf(keyBase64);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptSecret(boxed: string, keyBase64: string): string {
  const [version, iv, tag, body] = boxed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unknown secret format.");
  const decipher = crypto.createDecipheriv("aes-256-gcm", keyOf(keyBase64), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

function keyOf(keyBase64: string): Buffer {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32) throw new Error("The encryption key must be 32 bytes.");
  return key;
}
