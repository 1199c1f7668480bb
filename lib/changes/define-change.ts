import type { z } from "@/lib/validations/zod";
import type { ChangeContext, PreparedChange } from "./change-context";

/**
 * One day-2 change, everything about it in one record: the engine's operation type and its label, the schema
 * the dialog, the CLI and the server parse, how it is described in API v1, and how it is prepared.
 */
export type ChangeDefinition<Action extends string, Schema extends z.ZodType> = {
  /** The operation type and the URL segment: POST /api/v1/environments/<name>/changes/<action>. */
  action: Action;
  /** How the activity and the status page name the operation. */
  label: string;
  schema: Schema;
  /** API v1: `preview<id>` and `change<id>` are its operation ids; the example body is shown in the reference. */
  api: { id: string; summary: string; description: string; example: z.input<Schema> };
  /**
   * Pure: parses the input with the schema, checks it makes sense for the cluster as it is, and returns the new
   * settings and plan, the step graph, its parameters in words and the plan diff (build it with `prepared()`).
   */
  prepare(ctx: ChangeContext, input: unknown): PreparedChange;
};
