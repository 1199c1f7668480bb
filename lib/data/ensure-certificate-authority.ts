import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { Pool } from "@/lib/db/pool";
import { createCertificateAuthority, type KeyPairCertificate } from "@/lib/tls/certificate-authority";

const id = "kubernetes-api";

/**
 * The installation's certificate authority for the clusters' API, made on first use and kept in the database (its
 * key encrypted with ENCRYPTION_KEY), so every web server of the installation signs with the same one and every
 * kubeconfig, from whichever server, trusts them all. Two servers starting at once both insert; the first insert
 * wins (ON CONFLICT DO NOTHING) and both return the row that is stored.
 */
export async function ensureCertificateAuthority(pool: Pool, encryptionKey: string): Promise<KeyPairCertificate> {
  const stored = await read(pool);
  if (stored) return open(stored, encryptionKey);
  const made = createCertificateAuthority();
  await pool.query(`INSERT INTO certificate_authority (id, certificate, "privateKey") VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
    id,
    made.certificate,
    encryptSecret(made.privateKey, encryptionKey),
  ]);
  const kept = await read(pool);
  if (!kept) throw new Error("The clusters' API certificate authority could not be stored: check the database, then start again.");
  return open(kept, encryptionKey);
}

async function read(pool: Pool): Promise<{ certificate: string; privateKey: string } | undefined> {
  const { rows } = await pool.query<{ certificate: string; privateKey: string }>(`SELECT certificate, "privateKey" FROM certificate_authority WHERE id = $1`, [id]);
  return rows[0];
}

function open(row: { certificate: string; privateKey: string }, encryptionKey: string): KeyPairCertificate {
  try {
    return { certificate: row.certificate, privateKey: decryptSecret(row.privateKey, encryptionKey) };
  } catch {
    throw new Error(
      "The clusters' API certificate authority in the database was encrypted with another ENCRYPTION_KEY: start this server with the ENCRYPTION_KEY the other servers of this installation use.",
    );
  }
}
