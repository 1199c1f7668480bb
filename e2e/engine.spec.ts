import { expect, test, type APIRequestContext } from "@playwright/test";
import { signUpViaApi } from "./support";

async function waitForStatus(request: APIRequestContext, name: string, wanted: string) {
  await expect
    .poll(async () => (await (await request.get(`/api/environments/${name}`)).json()).environment.status, {
      timeout: 45_000,
    })
    .toBe(wanted);
}

test("an install runs to Running, serves a kubeconfig for its Kubernetes API, and is deleted", async ({
  page,
  browser,
}) => {
  await signUpViaApi(page.request);
  const name = `eng-${Date.now().toString(36)}`;
  expect((await page.request.post("/api/environments", { data: { name, region: "eu-central" } })).status()).toBe(201);
  await waitForStatus(page.request, name, "running");

  const detail = (await (await page.request.get(`/api/environments/${name}`)).json()).environment;
  expect(detail.results.health.filter((h: { status: string }) => h.status === "FAIL")).toEqual([]);
  const kubeconfig = await page.request.get(`/api/environments/${name}/kubeconfig`);
  expect(kubeconfig.status()).toBe(200);
  expect(kubeconfig.headers()["content-disposition"]).toContain(`${name}-kubeconfig.yaml`);
  expect(await kubeconfig.text()).toContain(
    `server: ${test.info().project.use.baseURL!.replace(/^http:/, "https:")}/k8s/clusters/${detail.id}`,
  );

  // Log lines are numbered 1, 2, 3 … per environment; a page reads back from the newest with ?before=.
  const all = (await (await page.request.get(`/api/environments/${name}/logs`)).json()).lines as { id: number }[];
  expect(all.map((l) => l.id)).toEqual(all.map((_, i) => i + 1));
  const back = (await (await page.request.get(`/api/environments/${name}/logs?before=${all.length}`)).json()).lines as {
    id: number;
  }[];
  expect(back.map((l) => l.id)).toEqual(all.slice(0, -1).map((l) => l.id));
  const tail = (await (await page.request.get(`/api/environments/${name}/logs?after=${all.length - 3}`)).json())
    .lines as { id: number }[];
  expect(tail.map((l) => l.id)).toEqual(all.slice(-3).map((l) => l.id));

  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signUpViaApi(stranger.request);
  expect((await stranger.request.get(`/api/environments/${name}/kubeconfig`)).status()).toBe(404);
  expect((await stranger.request.delete(`/api/environments/${name}`)).status()).toBe(404);

  expect((await page.request.delete(`/api/environments/${name}`)).status()).toBe(202);
  await waitForStatus(page.request, name, "deleted");
  // The name is free again.
  expect((await page.request.post("/api/environments", { data: { name, region: "eu-central" } })).status()).toBe(201);
});

test("a permanent fault fails the install with who can fix it; Retry and Cancel behave", async ({ page }) => {
  await signUpViaApi(page.request);
  const name = `flt-${Date.now().toString(36)}`;
  await page.request.post("/api/environments", {
    data: { name, region: "eu-central", faults: { named: ["worker-never-joins"] } },
  });
  await waitForStatus(page.request, name, "failed");
  expect((await page.request.post(`/api/environments/${name}/cancel`)).status()).toBe(409);
  expect((await page.request.post(`/api/environments/${name}/retry`)).status()).toBe(202);
  await waitForStatus(page.request, name, "running");
  expect((await page.request.post(`/api/environments/${name}/retry`)).status()).toBe(409);

  const slow = `cnl-${Date.now().toString(36)}`;
  await page.request.post("/api/environments", { data: { name: slow, region: "eu-central" } });
  expect((await page.request.post(`/api/environments/${slow}/cancel`)).status()).toBe(202);
  await waitForStatus(page.request, slow, "cancelled");
});
