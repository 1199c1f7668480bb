import { z } from "./zod";

const date = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || !Number.isNaN(Date.parse(v)), {
      error: `Enter the ${label} as a date like 2026-11-26 or 2026-11-26T10:00:00Z.`,
    })
    .optional();

/** Filters of the audit log (page and API): by action or its family ("environment."), target, outcome and time. */
export const auditFilterSchema = z.object({
  action: z.string().trim().max(64, { error: "Use at most 64 characters." }).optional(),
  target: z.string().trim().max(200, { error: "Use at most 200 characters." }).optional(),
  outcome: z.enum(["success", "failure"], { error: 'Choose "success" or "failure".' }).optional(),
  from: date("start"),
  to: date("end"),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
