import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";
import type { EnvironmentResults } from "../finish-operation";

/** An environment row as the store hands it out (JSON columns decoded). */
export type EnvironmentRecord = {
  id: string;
  userId: string;
  name: string;
  displayName: string;
  domain: string;
  region: string;
  status: string;
  settings: InstallSettings;
  plan: EnvironmentPlan;
  results: EnvironmentResults | null;
  faults: unknown;
  createdAt: Date;
};

export const environmentColumns = `id, "userId", name, "displayName", domain, region, status, settings, plan, results, faults, "createdAt"`;
