import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

let counter = 0;

/** A unique e-mail per call, so journeys never share accounts. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
}

/** Creates an account through better-auth's endpoint; the session cookie lands in the page's context. */
export async function signUpViaApi(request: APIRequestContext, email = uniqueEmail(), password = "correct-horse-1") {
  const res = await request.post("/api/auth/sign-up/email", { data: { name: "Test User", email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { email, password };
}

/** Installs through API v1 with the page's session, as a script would; the answer is the caller's to check. */
export function installViaApi(request: APIRequestContext, settings: Record<string, unknown> & { name: string }) {
  return request.post("/api/v1/environments", { data: settings });
}

export async function openInstallDialog(page: Page) {
  await page.goto("/marketplace");
  await page.getByRole("button", { name: "Clusters" }).click();
  await page.getByRole("link", { name: "Install Kubernetes Cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Install Kubernetes Cluster" });
  await expect(dialog).toBeVisible();
  return dialog;
}

type Run = { code: number | null; stdout: string; stderr: string };

/** The real CLI in a process of its own, from another directory, with a config directory of the test's own. */
export function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, "..", "bin", "clusterport.mjs"), ...args], {
      cwd: os.tmpdir(),
      env: { ...process.env, CLUSTERPORT_TOKEN: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    // stdin is a pipe, not a terminal, and has nothing to say.
    child.stdin.end();
  });
}

/** A problem+json answer's field errors, by field (`errors: [{ field, message }]`). */
export function fieldErrorsOf(problem: { errors?: { field: string; message: string }[] }): Record<string, string> {
  return Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));
}

/** Polls API v1 until the environment reaches `wanted` (installs in tests take seconds, on a busy machine more). */
export async function waitForStatus(request: APIRequestContext, name: string, wanted: string, timeout = 45_000) {
  await expect
    .poll(async () => (await (await request.get(`/api/v1/environments/${name}/status`)).json()).status, { timeout })
    .toBe(wanted);
}
