import { z } from "@/lib/validations/zod";

/** Upgrade Kubernetes to one of the versions offered (the latest patch, or the next minor). */
export const upgradeSchema = z.strictObject(
  {
    version: z
      .string({ error: "Choose the version to upgrade to." })
      .regex(/^\d+\.\d+\.\d+$/, { error: "Use a version like 1.37.1." }),
  },
  { error: 'Send { "version": "1.37.1" }.' },
);
export type UpgradeInput = z.infer<typeof upgradeSchema>;
