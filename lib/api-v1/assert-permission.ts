import { InsufficientScopeError } from "@/lib/errors";
import type { Operation, Principal } from "./define-operation";
import { grantedPermissions, type Role } from "./permissions";

/** Every account is a team of one today, so whoever signs in is its owner; teams read the member's role here. */
const roleOf = (_principal: Principal): Role => "owner";

/**
 * The dispatcher's one check of who may call an operation: the caller's role, narrowed by its token's scope,
 * must hold the permission the operation names. 403 insufficient_scope in words otherwise.
 */
export function assertPermission(principal: Principal, op: Pick<Operation, "permission" | "summary">): void {
  const role = roleOf(principal);
  if (grantedPermissions(role, principal.token?.scope ?? null).has(op.permission)) return;
  const what = op.summary.toLowerCase().replace(/\.$/, "");
  if (principal.token && grantedPermissions(role, null).has(op.permission)) {
    throw new InsufficientScopeError(
      `The token "${principal.token.name}" can only read; ${what} needs a Read and write token.`,
    );
  }
  throw new InsufficientScopeError(
    `Your role (${role}) does not include ${op.permission}, which ${what} needs: ask the team's owner for a role that does.`,
  );
}
