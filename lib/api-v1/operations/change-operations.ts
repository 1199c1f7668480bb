import type { ChangeAction } from "@/lib/changes";
import { prepareEnvironmentChange } from "@/lib/data/prepare-environment-change";
import { requestEnvironmentChange } from "@/lib/data/request-environment-change";
import { activateAddonsSchema } from "@/lib/validations/activate-addons";
import {
  addStorageSchema,
  autoscalingSchema,
  certificateSchema,
  registryCredentialsSchema,
  remoteApiSchema,
  removeAddonSchema,
  removeCertificateSchema,
  removeRegistryCredentialsSchema,
  scaleWorkersSchema,
  upgradeSchema,
} from "@/lib/validations/changes";
import type { z } from "@/lib/validations/zod";
import { defineOperation, type Operation } from "../define-operation";
import { changeAccepted, changePreview, nameParams } from "../schemas";

type Change = { action: ChangeAction; id: string; summary: string; description: string; body: z.ZodType; example: unknown };

/** Day-2 changes, each with the schema its dialog uses (lib/validations/changes.ts). docs/day-2.md. */
const changes: Change[] = [
  { action: "scale-workers", id: "ScaleWorkers", summary: "Scale workers", description: "Out (new workers join) or in (the workers named, else the newest, are drained and removed).", body: scaleWorkersSchema, example: { workers: 2 } },
  { action: "upgrade", id: "Upgrade", summary: "Upgrade Kubernetes", description: "To the latest patch or the next minor: control planes one at a time, then workers.", body: upgradeSchema, example: { version: "1.37.1" } },
  { action: "add-storage", id: "AddStorage", summary: "Add NFS storage", description: "Storage nodes (GlusterFS-replicated in production), /data on every node, the default StorageClass.", body: addStorageSchema, example: {} },
  { action: "addons", id: "ActivateAddons", summary: "Activate add-ons", description: "Monitoring, Tracing and Remote API access; those that keep data need storage.", body: activateAddonsSchema, example: { remoteApi: true } },
  { action: "remove-addon", id: "RemoveAddon", summary: "Remove an add-on", description: "Monitoring or Tracing, with its data.", body: removeAddonSchema, example: { addon: "monitoring" } },
  { action: "remote-api", id: "SetRemoteApi", summary: "Turn Remote API access on or off", description: "Whether the cluster's Kubernetes API answers kubectl.", body: remoteApiSchema, example: { enabled: true } },
  { action: "certificate", id: "SetCertificate", summary: "Serve a domain with a certificate", description: "cert-manager and a Let's Encrypt certificate for a domain of yours.", body: certificateSchema, example: { domain: "app.example.com" } },
  { action: "remove-certificate", id: "RemoveCertificate", summary: "Remove the certificate", description: "The domain is no longer served; cert-manager stays.", body: removeCertificateSchema, example: {} },
  { action: "registry-credentials", id: "SetRegistryCredentials", summary: "Set registry credentials", description: "An image pull secret in every namespace, present and future; the password is stored encrypted.", body: registryCredentialsSchema, example: { registry: "ghcr.io", username: "ci", password: "…" } },
  { action: "remove-registry-credentials", id: "RemoveRegistryCredentials", summary: "Remove registry credentials", description: "The pull secrets and the stored credentials go.", body: removeRegistryCredentialsSchema, example: {} },
  { action: "autoscaling", id: "SetAutoscaling", summary: "Set worker autoscaling", description: "A Minimum–Maximum range of workers (or off): workers are added for pods that wait for room and removed when idle.", body: autoscalingSchema, example: { enabled: true, minWorkers: 1, maxWorkers: 3 } },
];

export const changeOperations: Operation[] = changes.flatMap((c) => [
  defineOperation({
    id: `preview${c.id}`,
    method: "POST",
    path: `/environments/{name}/changes/${c.action}/preview`,
    tag: "Changes",
    summary: `Preview: ${c.summary.charAt(0).toLowerCase()}${c.summary.slice(1)}.`,
    description: `What the change would do, changing nothing: its summary, the plan diff (nodes, resources, price, quotas, steps) and the quotas it would break. ${c.description}`,
    permission: "environments:read",
    params: nameParams,
    body: c.body,
    example: { params: { name: "demo" }, body: c.example },
    responses: { 200: { description: "The preview.", schema: changePreview }, 404: { description: "No such environment." }, 409: { description: "Not running, or the change makes no sense now." } },
    handler: async ({ principal, params, body }) => {
      const { change, problems } = await prepareEnvironmentChange(principal.user, params.name, c.action, body);
      return { status: 200, body: { summary: change.params.summary, diff: change.diff, problems } };
    },
  }),
  defineOperation({
    id: `change${c.id}`,
    method: "POST",
    path: `/environments/{name}/changes/${c.action}`,
    tag: "Changes",
    summary: `${c.summary}.`,
    description: `${c.description} Runs as an operation (202); follow it with GET /environments/{name}/status.`,
    permission: "environments:change",
    params: nameParams,
    body: c.body,
    example: { params: { name: "demo" }, body: c.example },
    responses: { 202: { description: "The change started.", schema: changeAccepted }, 404: { description: "No such environment." }, 409: { description: "Another operation runs, or a failed change waits." } },
    handler: async ({ principal, params, body, audit }) => ({ status: 202, body: await requestEnvironmentChange(principal.user, params.name, c.action, body, audit) }),
  }),
]);
