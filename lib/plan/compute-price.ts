import { pricing } from "@/lib/catalog";
import type { PlanPrice, PlanTotals } from "./types";

/**
 * Disk is billed as provisioned whatever the cloudlets do, so the "at limit" price scales cloudlets only.
 * Monthly figures multiply the unrounded hourly price: rounding first would compound the error 730 times.
 */
export function computePrice(totals: PlanTotals, priceFactor: number): PlanPrice {
  const diskHourly = totals.diskGb * pricing.diskGbHour;
  const hourly = (totals.reservedCloudlets * pricing.cloudletHour + diskHourly) * priceFactor;
  const hourlyAtLimit = (totals.cloudletLimit * pricing.cloudletHour + diskHourly) * priceFactor;
  return {
    currency: pricing.currency,
    hourly: roundTo(hourly, 4),
    monthly: roundTo(hourly * pricing.hoursPerMonth, 2),
    hourlyAtLimit: roundTo(hourlyAtLimit, 4),
    monthlyAtLimit: roundTo(hourlyAtLimit * pricing.hoursPerMonth, 2),
  };
}

/**
 * Half-up rounding that is not fooled by binary fractions: 0.0025 × 72 + 0.019 is 0.19899…, and 1.005 × 100 is
 * 100.4999…; cutting to 15 significant digits first removes that noise before rounding.
 */
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(15))) / factor;
}
