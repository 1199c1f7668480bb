import { describe, expect, it } from "vitest";
import { catalogOperations } from "@/lib/api-v1/operations/catalog-operations";
import { runCli } from "./run-cli";
import { fakeIo, jsonResponse } from "./testing/fake-io";

/** The API's own answer, so that the command is tested against what the server sends. */
async function catalogAnswer(): Promise<unknown> {
  const answer = (await catalogOperations[0]!.handler({} as never)) as { body: unknown };
  return answer.body;
}

describe("clusterport catalog", () => {
  it("prints a table per install field, from GET /catalog", async () => {
    const body = await catalogAnswer();
    const { io, stdout, requests } = fakeIo({ handler: () => jsonResponse(200, body) });
    expect(await runCli(["catalog"], io)).toBe(0);
    expect(requests.map((r) => r.url.pathname)).toEqual(["/api/v1/catalog"]);
    const text = stdout();
    expect(text).toContain(
      "Regions (region)\nID          NAME       LOCATION       DOMAIN                 AVAILABLE\neu-central  Frankfurt  Germany        fra.clusterport.cloud  yes\n",
    );
    expect(text).toMatch(
      /\nus-east +Ashburn +United States +iad\.clusterport\.cloud +no: Full: not accepting new environments\n/,
    );
    expect(text).toContain(
      "Kubernetes versions (version)\nID       MINOR  RELEASED    DEFAULT\n1.37.1   1.37   2026-10-14  yes\n1.36.5   1.36   2026-10-14\n",
    );
    expect(text).toMatch(/Topologies \(topology\)\nID +NAME +MIN WORKERS +SUMMARY\ndevelopment +Development +1 /);
    expect(text).toMatch(/Ingress controllers \(ingress\)\n.*\nnginx +NGINX +[\d.]+ +yes\ntraefik/);
    expect(text).toMatch(/Dashboards \(dashboard\)\n.*\nheadlamp +Headlamp +[\d.]+ +yes\n/);
    expect(text).toMatch(/Add-ons \(addons\.<id>: true\)\n.*\nmonitoring +Monitoring +yes +Prometheus/);
    expect(text.endsWith("At most 20 workers at install (workers); scale out later for more.\n")).toBe(true);
  });

  it("--json prints the API's answer and nothing else", async () => {
    const body = await catalogAnswer();
    const { io, stdout, stderr } = fakeIo({ handler: () => jsonResponse(200, body) });
    expect(await runCli(["catalog", "--json"], io)).toBe(0);
    expect(JSON.parse(stdout())).toEqual(body);
    expect(stderr()).toBe("");
  });
});
