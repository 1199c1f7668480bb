import { describe, expect, it } from "vitest";
import { regions } from "@/lib/catalog";
import { catalogOperations, catalogue } from "./catalog-operations";

describe("getCatalog", () => {
  it("answers every id the install body takes, defaults marked, closed regions with their reason, as its schema says", async () => {
    const [op] = catalogOperations;
    expect(op).toMatchObject({ method: "GET", path: "/catalog", scope: "read" });
    const answer = (await op!.handler({} as never)) as { status: number; body: unknown };
    expect(answer.status).toBe(200);
    const body = catalogue.parse(answer.body);
    expect(body.regions.map((r) => r.id)).toEqual(regions.map((r) => r.id));
    expect(body.regions.find((r) => r.id === "us-east")).toMatchObject({
      available: false,
      unavailableReason: expect.stringMatching(/Full/),
    });
    expect(body.kubernetesVersions.filter((v) => v.default)).toEqual([body.kubernetesVersions[0]]);
    expect(body.topologies.map((t) => [t.id, t.minWorkers])).toEqual([
      ["development", 1],
      ["production", 2],
    ]);
    expect(body.ingressControllers.map((c) => c.id)).toEqual(["nginx", "traefik", "haproxy"]);
    expect(body.dashboards.find((d) => d.default)?.id).toBe("headlamp");
    expect(body.addons.map((a) => a.id)).toEqual(["monitoring", "tracing", "remoteApi"]);
    expect(body.maxWorkersAtInstall).toBe(20);
  });
});
