import { findRegion } from "@/lib/catalog";
import { isEnvironmentStatus, type EnvironmentStatus } from "@/lib/environments/environment-status";
import type { Environment } from "@/lib/generated/prisma/client";
import type { EnvironmentResults } from "@/lib/engine/finish-operation";
import type { EnvironmentPlan } from "@/lib/plan";
import type { InstallSettings } from "@/lib/validations/install-settings";

export type EnvironmentSummary = {
  id: string;
  name: string;
  displayName: string;
  domain: string;
  region: { id: string; name: string };
  status: EnvironmentStatus;
  version: string;
  topology: EnvironmentPlan["topology"];
  nodes: number;
  monthlyPrice: number;
  createdAt: string;
};

export type EnvironmentDetail = EnvironmentSummary & {
  settings: InstallSettings;
  plan: EnvironmentPlan;
  /** Endpoints and health report once the install succeeded; no secrets. */
  results: EnvironmentResults | null;
};

/** The columns a summary needs, as Prisma (Date) or raw SQLite (ISO text) return them. */
export type SummaryRow = Pick<Environment, "id" | "name" | "displayName" | "domain" | "region" | "status" | "settings" | "plan"> & {
  createdAt: Date | string;
};

export function toEnvironmentSummary(row: SummaryRow): EnvironmentSummary {
  return summaryOf(row, JSON.parse(row.settings) as InstallSettings, JSON.parse(row.plan) as EnvironmentPlan);
}

export function toEnvironmentDetail(row: Environment): EnvironmentDetail {
  const settings = JSON.parse(row.settings) as InstallSettings;
  const plan = JSON.parse(row.plan) as EnvironmentPlan;
  return {
    ...summaryOf(row, settings, plan),
    settings,
    plan,
    results: row.results ? (JSON.parse(row.results) as EnvironmentResults) : null,
  };
}

function summaryOf(row: SummaryRow, settings: InstallSettings, plan: EnvironmentPlan): EnvironmentSummary {
  return {
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    domain: row.domain,
    region: { id: row.region, name: findRegion(row.region)?.name ?? row.region },
    status: isEnvironmentStatus(row.status) ? row.status : "failed",
    version: settings.version,
    topology: plan.topology,
    nodes: plan.totals.nodes,
    monthlyPrice: plan.price.monthly,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
