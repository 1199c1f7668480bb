/**
 * What an API v1 operation may need, one permission each (`defineOperation({ permission })`). A `:read`
 * permission changes nothing; every other one does. Add a permission here when an operation needs one that no
 * existing permission describes; the type then lets operations name it.
 */
export const permissions = [
  "environments:read",
  "environments:create",
  "environments:change",
  "environments:delete",
  "credentials:read",
  "catalog:read",
  "account:read",
  "account:manage",
  "tokens:read",
  "tokens:manage",
  "webhooks:read",
  "webhooks:manage",
  "audit:read",
  "dns:read",
  "dns:manage",
] as const;

export type Permission = (typeof permissions)[number];

/** How much an API token may do, chosen when it is made: Read, or Read and write. */
export type Scope = "read" | "write";

export const isReadPermission = (permission: Permission): boolean => permission.endsWith(":read");

const readPermissions: readonly Permission[] = permissions.filter(isReadPermission);

/**
 * A role is a set of permissions, and this is the one table of them. Today every account has one member, its
 * owner, who may do everything; teams add their roles (admin, member, viewer…) as rows here.
 */
export const rolePermissions = {
  owner: permissions,
} as const satisfies Record<string, readonly Permission[]>;

export type Role = keyof typeof rolePermissions;

/** A token never does more than its scope allows, whatever its owner's role: Read keeps the `:read` permissions. */
export const scopePermissions: Record<Scope, readonly Permission[]> = {
  read: readPermissions,
  write: permissions,
};

/** The least token scope that holds a permission (for the OpenAPI document's `x-scope`). */
export const scopeFor = (permission: Permission): Scope => (isReadPermission(permission) ? "read" : "write");

/** What a caller may do: its role's permissions, narrowed by its token's scope when it calls with a token. */
export function grantedPermissions(role: Role, tokenScope: Scope | null): ReadonlySet<Permission> {
  const granted = new Set<Permission>(rolePermissions[role]);
  if (tokenScope === null) return granted;
  const allowed = new Set(scopePermissions[tokenScope]);
  return new Set([...granted].filter((p) => allowed.has(p)));
}
