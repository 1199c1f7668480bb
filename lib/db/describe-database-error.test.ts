import net from "node:net";
import { describe, expect, it } from "vitest";
import { checkDatabase, describeDatabaseError, maskDatabaseUrl } from "./describe-database-error";
import { DatabaseStartError } from "./embedded-postgres";

const url = "postgres://app:s3cret-pw@db.example.com:6543/clusterport";
const withCode = (code: string, message = `error ${code}`) => Object.assign(new Error(message), { code });

describe("describeDatabaseError", () => {
  it.each([
    [
      "ECONNREFUSED",
      "Nothing is listening at db.example.com:6543 (connection refused); start PostgreSQL there or correct the host and port in DATABASE_URL.",
    ],
    ["ENOTFOUND", 'The database host "db.example.com" cannot be found; correct the host name in DATABASE_URL.'],
    [
      "EAI_AGAIN",
      'The database host "db.example.com" could not be looked up (temporary DNS failure); check the network and DNS, then start again.',
    ],
    [
      "ETIMEDOUT",
      "PostgreSQL at db.example.com:6543 cannot be reached (ETIMEDOUT); check the host and port in DATABASE_URL and that no firewall blocks the connection.",
    ],
    [
      "28P01",
      'PostgreSQL at db.example.com:6543 rejected the password for user "app"; correct the user name or password in DATABASE_URL.',
    ],
    [
      "3D000",
      'The database "clusterport" does not exist on db.example.com:6543; create it (createdb clusterport) or correct the database name in DATABASE_URL.',
    ],
    [
      "53100",
      "PostgreSQL at db.example.com:6543 has run out of disk space; free space on the database server's disk and start again.",
    ],
    [
      "53300",
      "PostgreSQL at db.example.com:6543 has no free connection slots; close other clients or raise max_connections, then start again.",
    ],
    [
      "57P03",
      "PostgreSQL at db.example.com:6543 is starting up or shutting down; wait until it is ready and start again.",
    ],
  ])("%s", (code, sentence) => {
    expect(describeDatabaseError(withCode(code), url)).toBe(sentence);
  });

  it("28000 quotes the server's reason", () => {
    const error = withCode(
      "28000",
      'no pg_hba.conf entry for host "10.0.0.5", user "app", database "clusterport", no encryption',
    );
    expect(describeDatabaseError(error, url)).toBe(
      'PostgreSQL at db.example.com:6543 does not let user "app" connect (no pg_hba.conf entry for host "10.0.0.5", user "app", database "clusterport", no encryption); correct the user in DATABASE_URL or allow it in the server\'s pg_hba.conf.',
    );
  });

  it("reads the code inside an AggregateError (Node's connect to every address of a host)", () => {
    const error = new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "");
    expect(describeDatabaseError(error, url)).toMatch(/^Nothing is listening at db.example.com:6543/);
  });

  it("an untrusted TLS certificate", () => {
    expect(describeDatabaseError(withCode("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"), url)).toBe(
      "The TLS certificate of PostgreSQL at db.example.com:6543 is not trusted (self-signed certificate); add sslrootcert=<file of the server's CA certificate> to DATABASE_URL, or sslmode=no-verify to accept it unverified.",
    );
  });

  it.each([
    [
      "timeout expired",
      "PostgreSQL at db.example.com:6543 did not answer in time; check the host and port in DATABASE_URL and that no firewall blocks the connection.",
    ],
    [
      "The server does not support SSL connections",
      "PostgreSQL at db.example.com:6543 does not offer TLS; remove sslmode from DATABASE_URL (or set sslmode=disable), or enable ssl on the server.",
    ],
    [
      "Connection terminated unexpectedly",
      "db.example.com:6543 closed the connection before PostgreSQL answered; check that DATABASE_URL points at a PostgreSQL server and that its sslmode suits that server.",
    ],
  ])("pg's uncoded %j", (message, sentence) => {
    expect(describeDatabaseError(new Error(message), url)).toBe(sentence);
  });

  it("anything else: the message, with the URL masked and the password scrubbed from the message", () => {
    const sentence = describeDatabaseError(new Error("weird failure mentioning s3cret-pw"), url);
    expect(sentence).toBe(
      "Clusterport cannot use the database at postgres://app:****@db.example.com:6543/clusterport (weird failure mentioning ****); check DATABASE_URL.",
    );
  });

  it("defaults the port to 5432 and the database to the user name", () => {
    expect(describeDatabaseError(withCode("3D000"), "postgres://app:pw@db")).toBe(
      'The database "app" does not exist on db:5432; create it (createdb app) or correct the database name in DATABASE_URL.',
    );
  });
});

describe("maskDatabaseUrl", () => {
  it.each([
    [url, "postgres://app:****@db.example.com:6543/clusterport"],
    ["postgres://app@db:5432/x", "postgres://app@db:5432/x"],
    [
      "postgres://db:5432/x?user=app&password=pw&sslmode=require",
      "postgres://db:5432/x?user=app&password=****&sslmode=require",
    ],
  ])("%s", (input, masked) => {
    expect(maskDatabaseUrl(input)).toBe(masked);
  });
});

describe("checkDatabase", () => {
  it("refuses a URL that is not PostgreSQL's", async () => {
    await expect(checkDatabase("mysql://app:pw@db/x")).rejects.toThrow(
      new DatabaseStartError(
        "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/clusterport, not mysql://app:****@db/x.",
      ),
    );
  });

  it("names a refused connection", async () => {
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve)); // a port that was just free: nothing listens there now
    await expect(checkDatabase(`postgres://app:pw@127.0.0.1:${port}/x`)).rejects.toThrow(
      `Nothing is listening at 127.0.0.1:${port} (connection refused); start PostgreSQL there or correct the host and port in DATABASE_URL.`,
    );
  });
});
