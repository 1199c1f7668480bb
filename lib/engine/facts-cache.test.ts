import { describe, expect, it } from "vitest";
import { createFactsCache } from "./facts-cache";
import type { StepContext } from "./step-context";

const facts = (name: string) =>
  ({
    id: name,
    name,
    domain: `${name}.example`,
    region: "eu",
    settings: {},
    plan: {},
  }) as unknown as StepContext["environment"];
const v1 = new Date("2026-01-01T00:00:00Z");
const v2 = new Date("2026-01-02T00:00:00Z");

describe("facts cache", () => {
  it("holds each version of an environment's facts and names the newest", () => {
    const cache = createFactsCache();
    expect(cache.heldVersion("e1")).toBeNull();
    cache.set("e1", v1, facts("old"));
    cache.set("e1", v2, facts("new"));
    expect(cache.heldVersion("e1")).toEqual(v2);
    expect(cache.get("e1", v1)?.name).toBe("old");
    expect(cache.get("e1", v2)?.name).toBe("new");
    expect(cache.get("e2", v1)).toBeUndefined();
  });

  it("stays within its bound, dropping the least recently used first", () => {
    const cache = createFactsCache(2);
    cache.set("a", v1, facts("a"));
    cache.set("b", v1, facts("b"));
    cache.get("a", v1);
    cache.set("c", v1, facts("c"));
    expect(cache.size()).toBe(2);
    expect(cache.get("b", v1)).toBeUndefined();
    expect(cache.heldVersion("b")).toBeNull();
    expect(cache.get("a", v1)?.name).toBe("a");
    expect(cache.heldVersion("c")).toEqual(v1);
  });
});
