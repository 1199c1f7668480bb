import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { InsufficientScopeError } from "@/lib/errors";
import { assertPermission } from "./assert-permission";
import type { Principal } from "./define-operation";
import { operations } from "./operations";
import type { Scope } from "./permissions";

const user = { id: "user-1" } as CurrentUser;
const browser: Principal = { user, token: null, via: "browser", ip: "", userAgent: "" };
const withToken = (scope: Scope): Principal => ({
  user,
  token: { id: "t", name: "ci", scope },
  via: "token:ci",
  ip: "",
  userAgent: "",
});

function refused(principal: Principal): string[] {
  return operations
    .filter((op) => {
      try {
        assertPermission(principal, op);
        return false;
      } catch (e) {
        expect(e).toBeInstanceOf(InsufficientScopeError);
        return true;
      }
    })
    .map((op) => op.id);
}

describe("assertPermission", () => {
  it("refuses a Read token exactly the operations whose permission is not a :read one", () => {
    const nonRead = operations.filter((op) => !op.permission.endsWith(":read")).map((op) => op.id);
    expect(nonRead.length).toBeGreaterThan(0);
    expect(refused(withToken("read"))).toEqual(nonRead);
  });

  it("lets the owner's browser session and a Read and write token call every operation", () => {
    expect(refused(browser)).toEqual([]);
    expect(refused(withToken("write"))).toEqual([]);
  });

  it("says which token and what it needs, as a 403 insufficient_scope", () => {
    const op = operations.find((o) => o.id === "createEnvironment")!;
    const error = (() => {
      try {
        assertPermission(withToken("read"), op);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({
      status: 403,
      code: "insufficient_scope",
      message: 'The token "ci" can only read; install a kubernetes cluster needs a Read and write token.',
    });
  });
});
