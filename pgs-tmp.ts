import pg from "pg";
async function main() {
  const c = new pg.Client({ connectionString: "postgres://postgres:pw@127.0.0.1:54330/postgres" });
  await c.connect();
  if (process.argv[2] === "reset") { await c.query("SELECT pg_stat_statements_reset()"); }
  else {
    const { rows } = await c.query(`SELECT calls, round(total_exec_time::numeric,0) exec_ms, round(total_plan_time::numeric,0) plan_ms, round((total_exec_time/calls)::numeric,3) per_call, round(wal_bytes/calls) wal_per_call, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) q FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 14`);
    for (const r of rows) console.log(String(r.exec_ms).padStart(7), String(r.plan_ms).padStart(5), String(r.calls).padStart(7), String(r.per_call).padStart(8), String(r.wal_per_call).padStart(7), r.q);
  }
  await c.end();
}
void main();
