import http from "node:http";
import type { AddressInfo } from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { signUpViaApi } from "./support";

type Received = { headers: Record<string, string>; body: string };

test("webhooks: an endpoint added on the Account page receives an install's signed events, and a redelivery shows in its log", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The receiver: records each request and answers with `status` (the server allows private addresses for this).
  const received: Received[] = [];
  let status = 200;
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      received.push({
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      response
        .writeHead(status, { "content-type": "text/plain" })
        .end(status === 200 ? "ok" : "receiver down for maintenance");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/clusterport`;

  try {
    await signUpViaApi(page.request);
    await page.goto("/account");
    const section = page.getByRole("region", { name: "Webhooks" });
    await expect(section.getByText("No endpoints yet.")).toBeVisible();

    // The dialog closes on Escape; events are required, each with its sentence.
    await section.getByRole("button", { name: "Add endpoint" }).click();
    let dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
    await expect(dialog.getByLabel("Endpoint URL")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await section.getByRole("button", { name: "Add endpoint" }).click();
    dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
    await dialog.getByLabel("Endpoint URL").fill(url);
    await dialog.getByLabel("Description").fill("e2e receiver");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByText("Choose at least one event.")).toBeVisible();
    await expect(dialog.getByText("Any operation finished with every step done.")).toBeVisible();
    for (const event of ["operation.started", "operation.succeeded", "environment.install.succeeded"])
      await dialog.getByRole("checkbox", { name: event }).check();
    const { violations } = await new AxeBuilder({ page })
      .include('[role="dialog"]')
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog).toBeHidden();

    // The secret, shown once.
    const secret = (await section.getByLabel("Signing secret", { exact: true }).textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await section.getByRole("button", { name: "I have saved it" }).click();
    await expect(section.getByLabel("Signing secret", { exact: true })).toHaveCount(0);
    await expect(section.getByRole("heading", { name: url })).toBeVisible();

    // An install through the API: its events arrive, and each verifies with the secret.
    const name = `hooked-${Date.now().toString(36)}`;
    expect((await page.request.post("/api/v1/environments", { data: { name, region: "eu-central" } })).status()).toBe(
      201,
    );
    await expect.poll(() => received.length, { timeout: 60_000 }).toBe(3);
    const types = received.map(
      (r) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: { environment: { name: string } } },
    );
    expect(types.map((t) => t.type).sort()).toEqual([
      "environment.install.succeeded",
      "operation.started",
      "operation.succeeded",
    ]);
    expect(types.every((t) => t.data.environment.name === name)).toBe(true);

    // The delivery log: three deliveries answered 200.
    await section.getByRole("button", { name: "Delivery log" }).click();
    const log = section.getByRole("table", { name: `Deliveries to ${url}, newest first` });
    await expect(log.getByRole("row")).toHaveCount(4);
    for (const event of ["operation.started", "operation.succeeded", "environment.install.succeeded"]) {
      const row = log.getByRole("row").filter({ hasText: event });
      await expect(row).toContainText("Succeeded");
      await expect(row).toContainText("200");
      await expect(row).toContainText("1 of 8");
    }

    // The receiver fails; a redelivery of operation.succeeded is one more attempt of the same message, shown failed with 500.
    status = 500;
    await log
      .getByRole("row")
      .filter({ hasText: "operation.succeeded" })
      .getByRole("button", { name: /^Redeliver operation\.succeeded/ })
      .click();
    await expect(section.getByText("operation.succeeded is being sent again")).toBeVisible();
    const redelivery = log.getByRole("row").filter({ hasText: "Redelivery" });
    await expect(redelivery).toContainText("Failed", { timeout: 15_000 });
    await expect(redelivery).toContainText("500");
    await expect(redelivery).toContainText("1 of 1");
    await expect(redelivery).toContainText(
      "The endpoint answered 500 Internal Server Error: receiver down for maintenance.",
    );
    expect(received).toHaveLength(4);
    const original = received.find((r) => JSON.parse(r.body).type === "operation.succeeded")!;
    expect(received[3]!.headers["webhook-id"]).toBe(original.headers["webhook-id"]);
    expect(received[3]!.headers["webhook-signature"]).not.toBe(original.headers["webhook-signature"]);
    expect(new Webhook(secret).verify(received[3]!.body, received[3]!.headers)).toMatchObject({
      type: "operation.succeeded",
    });

    // Paused: nothing can be redelivered; deleted after a confirmation.
    await section.getByRole("switch", { name: `Enabled: ${url}` }).click();
    await expect(section.getByText("Paused")).toBeVisible();
    await expect(log.getByRole("button", { name: /^Redeliver/ }).first()).toBeDisabled();
    await section.getByRole("button", { name: `Delete ${url}` }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this webhook endpoint?" });
    await confirm.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(confirm).toBeHidden();
    await expect(section.getByText("No endpoints yet.")).toBeVisible();
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
