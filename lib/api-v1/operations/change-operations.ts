import { changeRegistry } from "@/lib/changes";
import { prepareEnvironmentChange } from "@/lib/data/prepare-environment-change";
import { requestEnvironmentChange } from "@/lib/data/request-environment-change";
import { defineOperation, type Operation } from "../define-operation";
import { changeAccepted, changePreview, nameParams } from "../schemas";

/** Each day-2 change's preview and request, from its record in lib/changes/registry.ts. docs/day-2.md. */
export const changeOperations: Operation[] = changeRegistry.flatMap(({ action, schema, api: c }) => [
  defineOperation({
    id: `preview${c.id}`,
    method: "POST",
    path: `/environments/{name}/changes/${action}/preview`,
    tag: "Changes",
    summary: `Preview: ${c.summary.charAt(0).toLowerCase()}${c.summary.slice(1)}.`,
    description: `What the change would do, changing nothing: its summary, the plan diff (nodes, resources, price, quotas, steps) and the quotas it would break. ${c.description}`,
    permission: "environments:read",
    params: nameParams,
    body: schema,
    example: { params: { name: "demo" }, body: c.example },
    responses: {
      200: { description: "The preview.", schema: changePreview },
      404: { description: "No such environment." },
      409: { description: "Not running, or the change makes no sense now." },
    },
    handler: async ({ principal, params, body }) => {
      const { change, problems } = await prepareEnvironmentChange(principal.user, params.name, action, body);
      return { status: 200, body: { summary: change.params.summary, diff: change.diff, problems } };
    },
  }),
  defineOperation({
    id: `change${c.id}`,
    method: "POST",
    path: `/environments/{name}/changes/${action}`,
    tag: "Changes",
    summary: `${c.summary}.`,
    description: `${c.description} Runs as an operation (202); follow it with GET /environments/{name}/status.`,
    permission: "environments:change",
    params: nameParams,
    body: schema,
    example: { params: { name: "demo" }, body: c.example },
    responses: {
      202: { description: "The change started.", schema: changeAccepted },
      404: { description: "No such environment." },
      409: { description: "Another operation runs, or a failed change waits." },
    },
    handler: async ({ principal, params, body, audit }) => ({
      status: 202,
      body: await requestEnvironmentChange(principal.user, params.name, action, body, audit),
    }),
  }),
]);
