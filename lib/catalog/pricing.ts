import type { Pricing } from "./types";

/** 1 cloudlet = 128 MiB RAM + 400 MHz CPU. Reserved cloudlets and disk are billed per hour. */
export const pricing: Pricing = {
  currency: "USD",
  cloudletHour: 0.0025,
  diskGbHour: 0.0001,
  hoursPerMonth: 730,
};

export const cloudletRamMiB = 128;
export const cloudletCpuMHz = 400;
