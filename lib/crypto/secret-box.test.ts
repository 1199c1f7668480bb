import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

const key = crypto.randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips and never stores the plain text", () => {
    const boxed = encryptSecret("eyJhbGciOi-admin-token", key);
    expect(boxed).not.toContain("admin-token");
    expect(decryptSecret(boxed, key)).toBe("eyJhbGciOi-admin-token");
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a tampered value or the wrong key", () => {
    const boxed = encryptSecret("secret", key);
    const parts = boxed.split(".");
    const tampered = [...parts.slice(0, 3), Buffer.from("SECRET").toString("base64url")].join(".");
    expect(() => decryptSecret(tampered, key)).toThrow();
    expect(() => decryptSecret(boxed, crypto.randomBytes(32).toString("base64"))).toThrow();
  });
});
