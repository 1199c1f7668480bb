import { describe, expect, it } from "vitest";
import { kubeAge } from "./kube-age";

describe("kubeAge", () => {
  it("prints ages the way kubectl does", () => {
    const t0 = "2026-01-01T00:00:00.000Z";
    const at = (seconds: number) => new Date(Date.parse(t0) + seconds * 1000);
    expect(kubeAge(t0, at(45))).toBe("45s");
    expect(kubeAge(t0, at(200))).toBe("3m20s");
    expect(kubeAge(t0, at(420))).toBe("7m");
    expect(kubeAge(t0, at(5 * 3600))).toBe("5h");
    expect(kubeAge(t0, at(3 * 86400))).toBe("3d");
    expect(kubeAge(t0, at(-5))).toBe("0s");
  });
});
