import { createApiToken } from "@/lib/data/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/data/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/data/api-tokens/revoke-api-token";
import { auditCsv } from "@/lib/data/audit/audit-csv";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { changeAccountPlan } from "@/lib/data/change-account-plan";
import { changePlanSchema } from "@/lib/validations/account";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { auditFilterSchema } from "@/lib/validations/audit-filter";
import { z } from "@/lib/validations/zod";
import { defineOperation } from "../define-operation";
import { decodeCursor, encodeCursor, pageList, pageOf, paginationQuery } from "../pagination";
import { account, apiToken, auditEvent } from "../schemas";

/** Most rows one CSV export carries (the newest, with the filters applied). */
const csvRows = 50_000;

export const accountOperations = [
  defineOperation({
    id: "getAccount",
    method: "GET",
    path: "/account",
    tag: "Account",
    summary: "Who am I.",
    description: "The account the request authenticated as, its plan, and how it authenticated.",
    permission: "account:read",
    responses: { 200: { description: "The account.", schema: account } },
    handler: async ({ principal }) => ({
      status: 200,
      body: {
        id: principal.user.id,
        name: principal.user.name,
        email: principal.user.email,
        plan: { id: principal.user.plan.id, name: principal.user.plan.name },
        via: principal.via,
      },
    }),
  }),
  defineOperation({
    id: "changePlan",
    method: "PUT",
    path: "/account/plan",
    tag: "Account",
    summary: "Change the account's plan.",
    description: "Simulated billing: the plan changes at once. Existing environments keep running.",
    permission: "account:manage",
    body: changePlanSchema,
    example: { body: { plan: "business" } },
    responses: {
      200: {
        description: "The plan now.",
        schema: z.object({
          plan: z.object({ id: z.string(), name: z.string() }),
          changed: z.boolean(),
          message: z.string(),
        }),
      },
    },
    handler: async ({ principal, body, audit }) => ({
      status: 200,
      body: await changeAccountPlan(principal.user, body, audit),
    }),
  }),
  defineOperation({
    id: "listTokens",
    method: "GET",
    path: "/tokens",
    tag: "Tokens",
    summary: "List your API tokens.",
    description:
      "Newest first, with their scope, expiry and last use; revoked and expired ones included. Never the secrets.",
    permission: "tokens:read",
    query: paginationQuery,
    responses: { 200: { description: "A page of tokens.", schema: pageOf(apiToken) } },
    handler: async ({ principal, query }) => ({
      status: 200,
      body: pageList(await listApiTokens(principal.user.id), (t) => t.id, query),
    }),
  }),
  defineOperation({
    id: "createToken",
    method: "POST",
    path: "/tokens",
    tag: "Tokens",
    summary: "Create an API token.",
    description:
      "The secret is in this answer only (it is stored as a hash): keep it now. Read tokens may call GET operations; Read and write tokens everything.",
    permission: "tokens:manage",
    body: createApiTokenSchema,
    example: { body: { name: "contract-test", scope: "read", expiresInDays: 1 } },
    responses: {
      201: {
        description: "The token, with its secret this once.",
        schema: apiToken.extend({
          token: z.string().describe("The secret: send it as Authorization: Bearer <token>."),
        }),
      },
    },
    handler: async ({ principal, body, audit }) => {
      const { token, view } = await createApiToken(principal.user.id, body, audit);
      return { status: 201, body: { ...view, token } };
    },
  }),
  defineOperation({
    id: "revokeToken",
    method: "DELETE",
    path: "/tokens/{id}",
    tag: "Tokens",
    summary: "Revoke an API token.",
    description: "It stops working at once; it stays listed as revoked.",
    permission: "tokens:manage",
    params: z.object({ id: z.string().max(64).describe("The token's id (not its secret).") }),
    responses: {
      200: { description: "The token, revoked.", schema: apiToken },
      404: { description: "No such token in your account." },
    },
    handler: async ({ principal, params, audit }) => ({
      status: 200,
      body: await revokeApiToken(principal.user.id, params.id, audit),
    }),
  }),
  defineOperation({
    id: "listAuditEvents",
    method: "GET",
    path: "/audit",
    tag: "Audit",
    summary: "Read the audit log.",
    description:
      "Every sign-in (and failed one), token creation and revocation, plan change, install, day-2 change, credential reveal and kubeconfig download of the account — who, when, from where, what (secrets masked). Newest first; filter by action (or a family such as environment.), target, outcome and time.",
    permission: "audit:read",
    query: paginationQuery.extend(auditFilterSchema.shape),
    responses: { 200: { description: "A page of events.", schema: pageOf(auditEvent) } },
    handler: async ({ principal, query }) => {
      const { limit, cursor, ...filter } = query;
      const page = await listAuditEvents(principal.user.id, filter, {
        limit,
        ...(cursor ? { before: decodeCursor(cursor)! } : {}),
      });
      const last = page.items.at(-1);
      return { status: 200, body: { items: page.items, nextCursor: page.more && last ? encodeCursor(last.id) : null } };
    },
  }),
  defineOperation({
    id: "exportAuditEvents",
    method: "GET",
    path: "/audit/export",
    tag: "Audit",
    summary: "Export the audit log as CSV.",
    description: `The events the filters select, newest first (at most ${csvRows.toLocaleString("en")}), as CSV with a header row.`,
    permission: "audit:read",
    query: auditFilterSchema,
    responses: { 200: { description: "The CSV file.", contentType: "text/csv" } },
    handler: async ({ principal, query }) => {
      const { items } = await listAuditEvents(principal.user.id, query, { limit: csvRows });
      return new Response(auditCsv(items), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": 'attachment; filename="clusterport-audit.csv"',
          "cache-control": "no-store",
        },
      });
    },
  }),
];
