import { accountPlans } from "./account-plans";
import { addons } from "./addons";
import { apps } from "./apps";
import { regions } from "./regions";
import type { AccountPlan, Addon, AppPackage, Region } from "./types";

export function findAccountPlan(id: string): AccountPlan | undefined {
  return accountPlans.find((p) => p.id === id);
}

export function findRegion(id: string): Region | undefined {
  return regions.find((r) => r.id === id);
}

export function findApp(id: string): AppPackage | undefined {
  return apps.find((a) => a.id === id);
}

export function findAddon(id: string): Addon | undefined {
  return addons.find((a) => a.id === id);
}
