import { describe, expect, it } from "vitest";
import { operations } from "./operations";
import { grantedPermissions, isReadPermission, permissions, scopePermissions } from "./permissions";

describe("permissions", () => {
  it("every operation names its permission (a new operation shows its choice here in review)", () => {
    expect(Object.fromEntries(operations.map((op) => [op.id, op.permission]))).toMatchInlineSnapshot(`
      {
        "cancelEnvironment": "environments:change",
        "changeActivateAddons": "environments:change",
        "changeAddStorage": "environments:change",
        "changePlan": "account:manage",
        "changeRemoveAddon": "environments:change",
        "changeRemoveCertificate": "environments:change",
        "changeRemoveRegistryCredentials": "environments:change",
        "changeScaleWorkers": "environments:change",
        "changeSetAutoscaling": "environments:change",
        "changeSetCertificate": "environments:change",
        "changeSetRegistryCredentials": "environments:change",
        "changeSetRemoteApi": "environments:change",
        "changeUpgrade": "environments:change",
        "checkEnvironmentName": "environments:read",
        "createDnsRecord": "dns:manage",
        "createEnvironment": "environments:create",
        "createToken": "tokens:manage",
        "createWebhookEndpoint": "webhooks:manage",
        "deleteDnsRecord": "dns:manage",
        "deleteEnvironment": "environments:delete",
        "deleteWebhookEndpoint": "webhooks:manage",
        "downloadEnvironmentLog": "environments:read",
        "exportAuditEvents": "audit:read",
        "getAccount": "account:read",
        "getCatalog": "catalog:read",
        "getEnvironment": "environments:read",
        "getEnvironmentStatus": "environments:read",
        "getKubeconfig": "credentials:read",
        "getWebhookDelivery": "webhooks:read",
        "listAuditEvents": "audit:read",
        "listCredentials": "credentials:read",
        "listDnsRecords": "dns:read",
        "listEnvironmentLogs": "environments:read",
        "listEnvironments": "environments:read",
        "listTokens": "tokens:read",
        "listWebhookDeliveries": "webhooks:read",
        "listWebhookEndpoints": "webhooks:read",
        "previewActivateAddons": "environments:read",
        "previewAddStorage": "environments:read",
        "previewPlan": "environments:read",
        "previewRemoveAddon": "environments:read",
        "previewRemoveCertificate": "environments:read",
        "previewRemoveRegistryCredentials": "environments:read",
        "previewScaleWorkers": "environments:read",
        "previewSetAutoscaling": "environments:read",
        "previewSetCertificate": "environments:read",
        "previewSetRegistryCredentials": "environments:read",
        "previewSetRemoteApi": "environments:read",
        "previewUpgrade": "environments:read",
        "redeliverWebhook": "webhooks:manage",
        "retryEnvironment": "environments:change",
        "revokeToken": "tokens:manage",
        "rollbackEnvironment": "environments:change",
        "rotateWebhookSecret": "webhooks:manage",
        "setEnvironmentFaults": "environments:change",
        "updateWebhookEndpoint": "webhooks:manage",
      }
    `);
  });

  it("lists only permissions some operation needs, and an operation's token scope follows from its permission", () => {
    expect(new Set(operations.map((op) => op.permission))).toEqual(new Set(permissions));
    for (const op of operations)
      expect([op.id, op.scope]).toEqual([op.id, isReadPermission(op.permission) ? "read" : "write"]);
  });

  it("the owner has every permission; a token keeps only what its scope allows", () => {
    expect([...grantedPermissions("owner", null)]).toEqual([...permissions]);
    expect([...grantedPermissions("owner", "write")]).toEqual([...permissions]);
    expect([...grantedPermissions("owner", "read")]).toEqual(permissions.filter((p) => p.endsWith(":read")));
    expect(scopePermissions.read).toMatchInlineSnapshot(`
      [
        "environments:read",
        "credentials:read",
        "catalog:read",
        "account:read",
        "tokens:read",
        "webhooks:read",
        "audit:read",
        "dns:read",
      ]
    `);
  });
});
