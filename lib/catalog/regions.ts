import type { Region } from "./types";

export const regions: readonly Region[] = [
  {
    id: "eu-central",
    name: "Frankfurt",
    location: "Germany",
    domain: "fra.clusterport.cloud",
    active: true,
    priceFactor: 1,
  },
  {
    id: "eu-west",
    name: "Amsterdam",
    location: "Netherlands",
    domain: "ams.clusterport.cloud",
    active: true,
    priceFactor: 1,
  },
  {
    id: "ch-west",
    name: "Geneva",
    location: "Switzerland",
    domain: "gva.clusterport.cloud",
    active: true,
    priceFactor: 1.2,
  },
  {
    id: "us-east",
    name: "Ashburn",
    location: "United States",
    domain: "iad.clusterport.cloud",
    active: false,
    inactiveReason: "Full: not accepting new environments",
    priceFactor: 0.9,
  },
];
