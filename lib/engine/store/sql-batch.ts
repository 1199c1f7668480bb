import { createHash } from "node:crypto";
import type { PoolClient } from "@/lib/db/pool";

/**
 * Many writes sent as ONE statement: each is a data-modifying CTE (`name AS (UPDATE … RETURNING 1)`), all run
 * in the same snapshot, and the final SELECT returns how many rows each touched so that a compare-and-set
 * that matched nothing is still noticed. Writes in a batch must not depend on each other's effects (they
 * cannot see them); they are the writes of one step whose rows the transaction already holds locked.
 */
export class SqlBatch {
  private readonly params: unknown[] = [];
  private readonly parts: { name: string; sql: string; expect?: number }[] = [];

  /** A parameter placeholder for `value`. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /**
   * Adds a write (it must return rows: RETURNING …) and returns its name, by which later parts may read what
   * it returned. `expect` is the exact number of rows it must touch.
   */
  add(sql: string, expect?: number): string {
    const name = `w${this.parts.length}`;
    this.parts.push({ name, sql, expect });
    return name;
  }

  get size(): number {
    return this.parts.length;
  }

  async run(client: PoolClient): Promise<void> {
    if (this.parts.length === 0) return;
    // Every part is selected from: a CTE that is not data-modifying (pg_notify) runs only when referenced.
    const sql = `WITH ${this.parts.map((p) => `${p.name} AS (${p.sql})`).join(",\n")}
      SELECT ${this.parts.map((p) => `(SELECT COUNT(*) FROM ${p.name})::int AS ${p.name}`).join(", ")}`;
    // Named by its text, the statement is parsed and planned once per connection; batches of the same shape
    // (the common case: a step's writes, a claim's history) then skip planning, most of a batch's cost.
    const { rows } = await client.query<Record<string, number>>({
      name: `batch-${createHash("sha1").update(sql).digest("hex")}`,
      text: sql,
      values: this.params,
    });
    const counts = rows[0]!;
    for (const p of this.parts) {
      if (p.expect !== undefined && counts[p.name] !== p.expect) {
        throw new Error(
          `A write of the batch touched ${counts[p.name]} rows instead of ${p.expect}: ${p.sql.slice(0, 120)}`,
        );
      }
    }
  }
}
