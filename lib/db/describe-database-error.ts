import pg from "pg";
import { DatabaseStartError } from "./embedded-postgres";

/** The parts of a connection URL a sentence names; never the password. */
function target(url: string) {
  try {
    const u = new URL(url);
    const host = decodeURIComponent(u.hostname) || u.searchParams.get("host") || "localhost";
    const user = decodeURIComponent(u.username);
    return {
      host,
      where: `${host}:${u.port || "5432"}`,
      user,
      database: decodeURIComponent(u.pathname.slice(1)) || user,
      password: decodeURIComponent(u.password),
    };
  } catch {
    return { host: "the database host", where: "the database server", user: "", database: "", password: "" };
  }
}

/** `url` with its password replaced by ****, for showing to the person. */
export function maskDatabaseUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, "$1****@").replace(/([?&]password=)[^&]*/gi, "$1****");
}

/** The error code of a pg or Node error; Node's happy-eyeballs connect can wrap the real one in an AggregateError. */
function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; errors?: unknown[] } | undefined;
  if (typeof e?.code === "string") return e.code;
  return e?.errors?.length ? codeOf(e.errors[0]) : undefined;
}

const untrustedCertificate = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** One sentence naming why `url` cannot be used and what to do about it. */
export function describeDatabaseError(error: unknown, url: string): string {
  const { host, where, user, database, password } = target(url);
  const code = codeOf(error);
  let message = error instanceof Error ? error.message : String(error);
  if (password) message = message.split(password).join("****");

  switch (code) {
    case "ECONNREFUSED":
      return `Nothing is listening at ${where} (connection refused); start PostgreSQL there or correct the host and port in DATABASE_URL.`;
    case "ENOTFOUND":
      return `The database host "${host}" cannot be found; correct the host name in DATABASE_URL.`;
    case "EAI_AGAIN":
      return `The database host "${host}" could not be looked up (temporary DNS failure); check the network and DNS, then start again.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `PostgreSQL at ${where} cannot be reached (${code}); check the host and port in DATABASE_URL and that no firewall blocks the connection.`;
    case "28P01":
      return `PostgreSQL at ${where} rejected the password for user "${user}"; correct the user name or password in DATABASE_URL.`;
    case "28000":
      return `PostgreSQL at ${where} does not let user "${user}" connect (${message}); correct the user in DATABASE_URL or allow it in the server's pg_hba.conf.`;
    case "3D000":
      return `The database "${database}" does not exist on ${where}; create it (createdb ${database}) or correct the database name in DATABASE_URL.`;
    case "53100":
      return `PostgreSQL at ${where} has run out of disk space; free space on the database server's disk and start again.`;
    case "53300":
      return `PostgreSQL at ${where} has no free connection slots; close other clients or raise max_connections, then start again.`;
    case "57P03":
      return `PostgreSQL at ${where} is starting up or shutting down; wait until it is ready and start again.`;
  }
  if (code && untrustedCertificate.has(code)) {
    return `The TLS certificate of PostgreSQL at ${where} is not trusted (${message}); add sslrootcert=<file of the server's CA certificate> to DATABASE_URL, or sslmode=no-verify to accept it unverified.`;
  }
  // pg reports these without a code.
  if (message === "timeout expired") {
    return `PostgreSQL at ${where} did not answer in time; check the host and port in DATABASE_URL and that no firewall blocks the connection.`;
  }
  if (message === "The server does not support SSL connections") {
    return `PostgreSQL at ${where} does not offer TLS; remove sslmode from DATABASE_URL (or set sslmode=disable), or enable ssl on the server.`;
  }
  if (message === "Connection terminated unexpectedly") {
    return `${where} closed the connection before PostgreSQL answered; check that DATABASE_URL points at a PostgreSQL server and that its sslmode suits that server.`;
  }
  return `Clusterport cannot use the database at ${maskDatabaseUrl(url)} (${message}); check DATABASE_URL.`;
}

/**
 * Proves `url` is usable before anything else starts: it connects (5 s at most), and the server is PostgreSQL 15
 * or newer (the oldest release Clusterport is tested with). Throws DatabaseStartError with the sentence.
 */
export async function checkDatabase(url: string): Promise<void> {
  const protocol = URL.canParse(url) ? new URL(url).protocol : "";
  if (protocol !== "postgres:" && protocol !== "postgresql:") {
    throw new DatabaseStartError(
      `DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/clusterport, not ${maskDatabaseUrl(url)}.`,
    );
  }
  let client: pg.Client | undefined;
  let server: { num: number; version: string } | undefined;
  try {
    // Inside the try: the constructor already reads files named in the URL (sslrootcert) and may throw.
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
    client.on("error", () => {}); // a connection lost after connect must not crash the process
    await client.connect();
    const { rows } = await client.query<{ num: number; version: string }>(
      "SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version",
    );
    server = rows[0];
  } catch (e) {
    throw new DatabaseStartError(describeDatabaseError(e, url));
  } finally {
    await client?.end().catch(() => {});
  }
  if (!server || server.num < 150_000) {
    throw new DatabaseStartError(
      `PostgreSQL at ${target(url).where} is version ${server?.version ?? "unknown"}; Clusterport needs PostgreSQL 15 or newer, so upgrade it or point DATABASE_URL at a newer server.`,
    );
  }
}
