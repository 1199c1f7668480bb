import { expect, test } from "@playwright/test";
import { installViaApi, signUpViaApi, waitForStatus } from "./support";

test("an install runs to Running, serves a kubeconfig for its Kubernetes API, and is deleted", async ({
  page,
  browser,
}) => {
  await signUpViaApi(page.request);
  const name = `eng-${Date.now().toString(36)}`;
  expect((await installViaApi(page.request, { name, region: "eu-central" })).status()).toBe(201);
  await waitForStatus(page.request, name, "running");

  const detail = await (await page.request.get(`/api/v1/environments/${name}`)).json();
  expect(detail.results.health.filter((h: { status: string }) => h.status === "FAIL")).toEqual([]);
  const kubeconfig = await page.request.get(`/api/v1/environments/${name}/kubeconfig`);
  expect(kubeconfig.status()).toBe(200);
  expect(kubeconfig.headers()["content-disposition"]).toContain(`${name}-kubeconfig.yaml`);
  expect(await kubeconfig.text()).toContain(
    `server: ${test.info().project.use.baseURL!.replace(/^http:/, "https:")}/k8s/clusters/${detail.id}`,
  );

  // Log lines are numbered 1, 2, 3 … per environment; a page reads back from the newest with ?before=.
  type Lines = { items: { seq: number }[] };
  const logs = async (query = "") =>
    ((await (await page.request.get(`/api/v1/environments/${name}/logs${query}`)).json()) as Lines).items;
  const all = await logs("?limit=1000");
  expect(all.map((l) => l.seq)).toEqual(all.map((_, i) => i + 1));
  const back = await logs(`?before=${all.length}&limit=1000`);
  expect(back.map((l) => l.seq)).toEqual(all.slice(0, -1).map((l) => l.seq));
  const tail = await logs(`?after=${all.length - 3}`);
  expect(tail.map((l) => l.seq)).toEqual(all.slice(-3).map((l) => l.seq));

  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signUpViaApi(stranger.request);
  expect((await stranger.request.get(`/api/v1/environments/${name}/kubeconfig`)).status()).toBe(404);
  expect((await stranger.request.delete(`/api/v1/environments/${name}`)).status()).toBe(404);

  expect((await page.request.delete(`/api/v1/environments/${name}`)).status()).toBe(202);
  await waitForStatus(page.request, name, "deleted");
  // The name is free again.
  expect((await installViaApi(page.request, { name, region: "eu-central" })).status()).toBe(201);
});

test("a permanent fault fails the install with who can fix it; Retry and Cancel behave", async ({ page }) => {
  await signUpViaApi(page.request);
  const name = `flt-${Date.now().toString(36)}`;
  expect(
    (
      await installViaApi(page.request, { name, region: "eu-central", faults: { named: ["worker-never-joins"] } })
    ).status(),
  ).toBe(201);
  await waitForStatus(page.request, name, "failed");
  expect((await page.request.post(`/api/v1/environments/${name}/cancel`)).status()).toBe(409);
  expect((await page.request.post(`/api/v1/environments/${name}/retry`)).status()).toBe(202);
  await waitForStatus(page.request, name, "running");
  expect((await page.request.post(`/api/v1/environments/${name}/retry`)).status()).toBe(409);

  const slow = `cnl-${Date.now().toString(36)}`;
  expect((await installViaApi(page.request, { name: slow, region: "eu-central" })).status()).toBe(201);
  expect((await page.request.post(`/api/v1/environments/${slow}/cancel`)).status()).toBe(202);
  await waitForStatus(page.request, slow, "cancelled");
});
