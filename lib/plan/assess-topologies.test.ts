import { describe, expect, it } from "vitest";
import { findAccountPlan, type AccountPlan, type Quotas } from "@/lib/catalog";
import { assessTopologies } from "./assess-topologies";
import type { TopologyAvailability } from "./types";

const developer = findAccountPlan("developer")!;
const business = findAccountPlan("business")!;

function withQuotas(overrides: Partial<Quotas>): AccountPlan {
  return { ...business, quotas: { ...business.quotas, ...overrides } };
}
function byTopology(result: TopologyAvailability[]) {
  return Object.fromEntries(result.map((r) => [r.topology, r]));
}

describe("assessTopologies", () => {
  it("assesses development then production", () => {
    expect(assessTopologies({ plan: business, environmentsInUse: 0 }).map((r) => r.topology)).toEqual([
      "development",
      "production",
    ]);
  });

  it("makes both available on the Business plan, with no reasons", () => {
    expect(assessTopologies({ plan: business, environmentsInUse: 0 })).toEqual([
      { topology: "development", available: true, reasons: [] },
      { topology: "production", available: true, reasons: [] },
    ]);
  });

  it("offers only development on the Developer plan, quoting production's need with and without storage", () => {
    const result = byTopology(assessTopologies({ plan: developer, environmentsInUse: 0 }));
    expect(result.development).toEqual({ topology: "development", available: true, reasons: [] });
    expect(result.production).toEqual({
      topology: "production",
      available: false,
      reasons: ["Nodes per environment: your plan allows 6, Production needs 10 (7 without NFS storage)."],
    });
  });

  it("locks the Trial plan with one reason naming it", () => {
    const trial = findAccountPlan("trial")!;
    for (const r of assessTopologies({ plan: trial, environmentsInUse: 0 })) {
      expect(r).toEqual({
        topology: r.topology,
        available: false,
        reasons: ["Not available on the Trial plan — upgrade to install."],
      });
    }
  });

  it("uses the plan's own name when it cannot install", () => {
    const locked: AccountPlan = { ...business, name: "Frozen", canInstall: false };
    expect(assessTopologies({ plan: locked, environmentsInUse: 0 })[0]?.reasons).toEqual([
      "Not available on the Frozen plan — upgrade to install.",
    ]);
  });

  it("makes neither available when every environment is in use", () => {
    for (const r of assessTopologies({ plan: developer, environmentsInUse: 3 })) {
      expect(r.available).toBe(false);
      expect(r.reasons[0]).toBe("Environments: your plan allows 3 and all 3 are in use.");
    }
    expect(assessTopologies({ plan: developer, environmentsInUse: 2 })[0]?.available).toBe(true);
  });

  it("keeps a topology available when it fits only without storage, and says why storage will not fit", () => {
    const result = byTopology(
      assessTopologies({ plan: withQuotas({ maxNodesPerEnvironment: 8 }), environmentsInUse: 0 }),
    );
    expect(result.production).toEqual({
      topology: "production",
      available: true,
      reasons: ["Nodes per environment: your plan allows 8, Production needs 10 (7 without NFS storage)."],
    });
    expect(result.development?.reasons).toEqual([]);

    const tight = byTopology(
      assessTopologies({ plan: withQuotas({ maxNodesPerEnvironment: 2 }), environmentsInUse: 0 }),
    );
    expect(tight.development).toEqual({
      topology: "development",
      available: true,
      reasons: ["Nodes per environment: your plan allows 2, Development needs 3 (2 without NFS storage)."],
    });
  });

  it("checks nodes per node group against the largest group (3 control planes in production)", () => {
    const result = byTopology(assessTopologies({ plan: withQuotas({ maxNodesPerGroup: 2 }), environmentsInUse: 0 }));
    expect(result.development?.available).toBe(true);
    expect(result.production).toEqual({
      topology: "production",
      available: false,
      reasons: ["Nodes per node group: your plan allows 2, Production needs 3."],
    });
  });

  it("checks cloudlets per node against the largest cloudlet limit, for both topologies", () => {
    for (const r of assessTopologies({ plan: withQuotas({ maxCloudletsPerNode: 16 }), environmentsInUse: 0 })) {
      expect(r.available).toBe(false);
      expect(r.reasons).toEqual([
        `Cloudlets per node: your plan allows 16, ${r.topology === "production" ? "Production" : "Development"} needs 32.`,
      ]);
    }
  });

  it("lists every broken quota, not just the first", () => {
    const result = byTopology(
      assessTopologies({
        plan: withQuotas({ maxEnvironments: 1, maxNodesPerEnvironment: 6, maxNodesPerGroup: 2 }),
        environmentsInUse: 1,
      }),
    );
    expect(result.production?.reasons).toEqual([
      "Environments: your plan allows 1 and all 1 are in use.",
      "Nodes per environment: your plan allows 6, Production needs 10 (7 without NFS storage).",
      "Nodes per node group: your plan allows 2, Production needs 3.",
    ]);
  });
});
