import { afterEach, describe, expect, it, vi } from "vitest";

const secrets = { AUTH_SECRET: "x".repeat(40), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), DATABASE_URL: "postgres://clusterport@127.0.0.1:1/unused" };

async function load(faultInjection?: string) {
  vi.resetModules();
  for (const [k, v] of Object.entries(secrets)) vi.stubEnv(k, v);
  vi.stubEnv("FAULT_INJECTION", faultInjection);
  const errors = await import("@/lib/errors");
  const { assertFaultInjectionEnabled } = await import("./assert-fault-injection-enabled");
  return { ...errors, assertFaultInjectionEnabled };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("assertFaultInjectionEnabled", () => {
  it("refuses by default, as a production server must", async () => {
    const { assertFaultInjectionEnabled, ForbiddenError, ValidationError } = await load(undefined);
    expect(() => assertFaultInjectionEnabled()).toThrow(ForbiddenError);
    expect(() => assertFaultInjectionEnabled()).toThrow(/FAULT_INJECTION=true/);
    try {
      assertFaultInjectionEnabled("faults");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as InstanceType<typeof ValidationError>).fieldErrors.faults).toMatch(/^Fault injection is turned off on this server/);
    }
  });

  it("allows it when the operator says so", async () => {
    const { assertFaultInjectionEnabled } = await load("true");
    expect(() => assertFaultInjectionEnabled("faults")).not.toThrow();
  });
});
