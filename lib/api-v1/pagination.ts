import { ValidationError } from "@/lib/errors";
import { z } from "@/lib/validations/zod";

/** `?limit=&cursor=` of every list: at most 200 a page, 50 by default; the cursor is the previous page's nextCursor. */
export const paginationQuery = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number from 1 to 200." })
    .int({ error: "limit must be a whole number from 1 to 200." })
    .min(1, { error: "limit must be from 1 to 200." })
    .max(200, { error: "limit must be from 1 to 200." })
    .default(50),
  cursor: z.string().max(500, { error: "cursor is too long: pass the nextCursor of the previous page." }).optional(),
});

/** A page of a list: its items and the cursor of the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Cursors are opaque to clients: the position they continue from, encoded. */
export function encodeCursor(position: string): string {
  return Buffer.from(JSON.stringify({ after: position }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === "") return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof decoded.after === "string") return decoded.after;
  } catch {
    // answered below
  }
  throw new ValidationError({
    cursor: "This cursor is not one the API gave: pass the nextCursor of the previous page, or none for the first.",
  });
}

/** Pages an ordered list held in memory by a unique key of each item. */
export function pageList<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  query: { limit: number; cursor?: string | undefined },
): { items: T[]; nextCursor: string | null } {
  const after = decodeCursor(query.cursor);
  const start = after === undefined ? 0 : items.findIndex((i) => keyOf(i) === after) + 1;
  const page = items.slice(start, start + query.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: last !== undefined && start + query.limit < items.length ? encodeCursor(keyOf(last)) : null,
  };
}
