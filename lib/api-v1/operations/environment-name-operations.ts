import { checkNameAvailability } from "@/lib/data/check-name-availability";
import { suggestEnvironmentName } from "@/lib/data/suggest-environment-name";
import { z } from "@/lib/validations/zod";
import { defineOperation } from "../define-operation";

const availability = z.object({
  name: z.string(),
  domain: z.string().optional(),
  available: z.boolean(),
  message: z.string().describe("Why, in words: the domain is available, or who has the name."),
});

/** The install dialog's name check, as a script would call it before an install. */
export const environmentNameOperations = [
  defineOperation({
    id: "checkEnvironmentName",
    method: "GET",
    path: "/environment-names",
    tag: "Environments",
    summary: "Check or suggest an environment name.",
    description:
      "With name: whether it is free in the region (names are unique per region across all accounts) and its domain. Without name: a free name to suggest.",
    permission: "environments:read",
    query: z.object({
      region: z.string({ error: "Choose a region." }).min(1, { error: "Choose a region." }),
      name: z.string().optional(),
    }),
    example: { query: { region: "eu-central", name: "demo-api" } },
    responses: {
      200: {
        description: "The verdict on the name, or `{ suggestion }` without one.",
        schema: z.union([availability, z.object({ suggestion: z.string() })]),
      },
      400: { description: "No region." },
    },
    handler: async ({ principal, query }) => {
      if (query.name === undefined)
        return { status: 200, body: { suggestion: await suggestEnvironmentName(principal.user.id, query.region) } };
      return { status: 200, body: await checkNameAvailability(principal.user.id, query.name, query.region) };
    },
  }),
];
