import { describe, expect, it } from "vitest";
import { planPanelView } from "./plan-panel-view";

describe("planPanelView", () => {
  it("shows the install's plan until the cluster was first up, failed installs included", () => {
    expect(planPanelView("queued", false)).toBe("install");
    expect(planPanelView("installing", false)).toBe("install");
    expect(planPanelView("failed", false)).toBe("install");
    expect(planPanelView("cancelling", false)).toBe("install");
  });

  it("describes the cluster as it is once it ran, through changes, a failed change and its deletion", () => {
    expect(planPanelView("running", true)).toBe("cluster");
    expect(planPanelView("updating", true)).toBe("cluster");
    expect(planPanelView("failed", true)).toBe("cluster");
    expect(planPanelView("deleting", true)).toBe("cluster");
  });

  it("has nothing to price once deleted or cancelled", () => {
    expect(planPanelView("deleted", true)).toBe("gone");
    expect(planPanelView("cancelled", false)).toBe("gone");
  });
});
