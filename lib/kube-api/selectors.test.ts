import { describe, expect, it } from "vitest";
import { fieldSelector, labelSelector } from "./selectors";

const pod = (name: string, labels: Record<string, string>, nodeName = "cp-1", phase = "Running") => ({
  metadata: { name, namespace: "default", labels },
  spec: { nodeName },
  status: { phase },
});
const pods = [pod("a", { app: "web", tier: "front" }), pod("b", { app: "api" }, "cp-2", "Pending"), pod("c", {})];
const names = (test: (o: Record<string, unknown>) => boolean) => pods.filter(test).map((p) => p.metadata.name);

describe("selectors", () => {
  it("select by labels as kubectl -l does", () => {
    expect(names(labelSelector("app=web"))).toEqual(["a"]);
    expect(names(labelSelector("app==api"))).toEqual(["b"]);
    expect(names(labelSelector("app!=web"))).toEqual(["b", "c"]);
    expect(names(labelSelector("app"))).toEqual(["a", "b"]);
    expect(names(labelSelector("!app"))).toEqual(["c"]);
    expect(names(labelSelector("app in (web, api),tier"))).toEqual(["a"]);
    expect(names(labelSelector("app notin (web)"))).toEqual(["b", "c"]);
    expect(names(labelSelector(null))).toEqual(["a", "b", "c"]);
    expect(() => labelSelector("app=(web")).toThrow(/unable to parse requirement/);
  });

  it("select by the indexed fields", () => {
    expect(names(fieldSelector("spec.nodeName=cp-2"))).toEqual(["b"]);
    expect(names(fieldSelector("status.phase!=Running"))).toEqual(["b"]);
    expect(names(fieldSelector("metadata.name=c,metadata.namespace=default"))).toEqual(["c"]);
    expect(() => fieldSelector("spec.image=x")).toThrow("field label not supported: spec.image");
  });
});
