import { describe, expect, it } from "vitest";
import { noOperationDetail } from "./no-operation-detail";

describe("noOperationDetail", () => {
  it("names the changes there are when a change is unknown, previews included", () => {
    for (const path of ["/environments/shop/changes/resize", "/environments/shop/changes/resize/preview"]) {
      expect(noOperationDetail(path)).toMatch(/^There is no change called "resize"\. Changes: scale-workers, upgrade,/);
    }
  });

  it("points anything else at the OpenAPI document", () => {
    expect(noOperationDetail("/environments/shop/resize")).toBe(
      "There is no API operation at /environments/shop/resize: see /api/v1/openapi.json.",
    );
  });
});
