import { describe, expect, it } from "vitest";
import { maskSecrets, masked } from "./mask-secrets";

describe("maskSecrets", () => {
  it("hides the values of keys that name secrets, at any depth, and keeps the rest", () => {
    expect(
      maskSecrets({
        registry: "ghcr.io",
        password: "hunter2",
        nested: { apiKey: "k", list: [{ token: "t", name: "n" }] },
        empty: { secret: "" },
      }),
    ).toEqual({
      registry: "ghcr.io",
      password: masked,
      nested: { apiKey: masked, list: [{ token: masked, name: "n" }] },
      empty: { secret: "" },
    });
  });
});
