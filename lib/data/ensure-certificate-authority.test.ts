import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/create-test-database";
import { ensureCertificateAuthority } from "./ensure-certificate-authority";

/** The installation's CA for the clusters' API on a real database: made once, kept encrypted, the same for every caller. */
let db: TestDatabase;
const key = crypto.randomBytes(32).toString("base64");

beforeAll(async () => {
  db = await createTestDatabase({ max: 6 });
}, 60_000);
afterAll(async () => db.cleanup());

describe("ensureCertificateAuthority", () => {
  it("gives two callers at once the same authority, stores one row, and reuses it afterwards", async () => {
    const [a, b] = await Promise.all([ensureCertificateAuthority(db.pool, key), ensureCertificateAuthority(db.pool, key)]);
    expect(a).toEqual(b);
    expect(new crypto.X509Certificate(a.certificate).ca).toBe(true);
    const later = await ensureCertificateAuthority(db.pool, key);
    expect(later).toEqual(a);
    const { rows } = await db.pool.query<{ certificate: string; privateKey: string }>(`SELECT certificate, "privateKey" FROM certificate_authority`);
    expect(rows).toHaveLength(1);
    // At rest the key is sealed: no PEM in the row, and the decrypted key is the certificate's own.
    expect(rows[0]!.privateKey).not.toContain("PRIVATE KEY");
    expect(rows[0]!.privateKey).toMatch(/^v1\./);
    expect(new crypto.X509Certificate(a.certificate).checkPrivateKey(crypto.createPrivateKey(a.privateKey))).toBe(true);
  });

  it("refuses, saying which setting to fix, when the installation's key is not the one it was sealed with", async () => {
    await expect(ensureCertificateAuthority(db.pool, crypto.randomBytes(32).toString("base64"))).rejects.toThrow(/encrypted with another ENCRYPTION_KEY/);
  });
});
