import { setEnvironmentFaults } from "@/lib/data/set-environment-faults";
import { faultsSchema } from "@/lib/engine";
import { z } from "@/lib/validations/zod";
import { defineOperation } from "../define-operation";
import { nameParams } from "../schemas";

/** Fault injection, for tests and demos: only a server started with FAULT_INJECTION=true accepts it. */
export const faultOperations = [
  defineOperation({
    id: "setEnvironmentFaults",
    method: "PUT",
    path: "/environments/{name}/faults",
    tag: "Environments",
    summary: "Inject faults into an environment's next steps.",
    description:
      "For tests and demos: a rate of transient failures (retried automatically) and named faults such as worker-never-joins, applied to the steps that run from now on. `{}` turns them off. 403 unless the server runs with FAULT_INJECTION=true.",
    permission: "environments:change",
    params: nameParams,
    body: faultsSchema,
    example: { params: { name: "demo" }, body: {} },
    responses: {
      200: { description: "The faults now in force.", schema: z.object({ faults: faultsSchema }) },
      403: { description: "Fault injection is turned off on this server." },
      404: { description: "No such environment." },
    },
    handler: async ({ principal, params, body }) => ({
      status: 200,
      body: { faults: await setEnvironmentFaults(principal.user.id, params.name, body) },
    }),
  }),
];
