import { createWebhookEndpoint } from "@/lib/data/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/data/webhooks/delete-webhook-endpoint";
import { getWebhookDelivery } from "@/lib/data/webhooks/get-webhook-delivery";
import { deliveryPosition, listWebhookDeliveries } from "@/lib/data/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@/lib/data/webhooks/list-webhook-endpoints";
import { redeliverWebhook } from "@/lib/data/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@/lib/data/webhooks/rotate-webhook-secret";
import { updateWebhookEndpoint } from "@/lib/data/webhooks/update-webhook-endpoint";
import { createWebhookEndpointSchema, updateWebhookEndpointSchema } from "@/lib/validations/webhook";
import { z } from "@/lib/validations/zod";
import { webhookEventTypes } from "@/lib/webhooks/event-types";
import { defineOperation } from "../define-operation";
import { decodeCursor, encodeCursor, pageList, pageOf, paginationQuery } from "../pagination";

const webhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  enabled: z.boolean(),
  disabledReason: z
    .string()
    .nullable()
    .describe("Why Clusterport disabled it: no delivery succeeded for 5 days. Enabling it clears this."),
  createdAt: z.string(),
});

const withSecret = webhookEndpoint.extend({
  secret: z
    .string()
    .describe(
      "The signing secret (whsec_…), shown this once: verify each request's webhook-signature with it (Standard Webhooks).",
    ),
});

const webhookDelivery = z.object({
  id: z.string(),
  messageId: z
    .string()
    .describe("The webhook-id header: the same for every attempt and every redelivery of the message."),
  eventType: z.string(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z
    .number()
    .int()
    .nullable()
    .describe("The HTTP status of the last attempt; null when it got no answer."),
  lastDurationMs: z.number().int().nullable(),
  lastError: z.string().nullable().describe("Why the last attempt failed, in words; null when it succeeded."),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  redeliveryOf: z.string().nullable().describe("The delivery this one repeats, for a redelivery."),
});

const webhookDeliveryDetail = webhookDelivery.extend({
  payload: z
    .object({ type: z.enum(webhookEventTypes), timestamp: z.string(), data: z.record(z.string(), z.unknown()) })
    .describe("The body sent."),
});

const endpointParams = z.object({ id: z.string().max(64).describe("The endpoint's id.") });
const deliveryParams = endpointParams.extend({ deliveryId: z.string().max(64).describe("The delivery's id.") });
const notFound = { description: "No such endpoint (or delivery) in your account." };

export const webhookOperations = [
  defineOperation({
    id: "listWebhookEndpoints",
    method: "GET",
    path: "/webhooks",
    tag: "Webhooks",
    summary: "List your webhook endpoints.",
    description: "Newest first, with their events and whether they are enabled. Never the signing secrets.",
    permission: "webhooks:read",
    query: paginationQuery,
    responses: { 200: { description: "A page of endpoints.", schema: pageOf(webhookEndpoint) } },
    handler: async ({ principal, query }) => ({
      status: 200,
      body: pageList(await listWebhookEndpoints(principal.user.id), (e) => e.id, query),
    }),
  }),
  defineOperation({
    id: "createWebhookEndpoint",
    method: "POST",
    path: "/webhooks",
    tag: "Webhooks",
    summary: "Add a webhook endpoint.",
    description:
      "Clusterport POSTs each chosen event to the URL, signed as Standard Webhooks specifies (webhook-id, webhook-timestamp, webhook-signature). The URL must be https and reach a public address: loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast and reserved addresses are refused, also when the name resolves to one. The signing secret is in this answer only.",
    permission: "webhooks:manage",
    body: createWebhookEndpointSchema,
    example: {
      body: {
        url: "https://203.0.113.10/hooks/clusterport",
        events: ["operation.failed", "environment.install.succeeded"],
        description: "Contract test",
      },
    },
    responses: { 201: { description: "The endpoint, with its signing secret this once.", schema: withSecret } },
    handler: async ({ principal, body, audit }) => {
      const { endpoint, secret } = await createWebhookEndpoint(principal.user.id, body, audit);
      return { status: 201, body: { ...endpoint, secret } };
    },
  }),
  defineOperation({
    id: "updateWebhookEndpoint",
    method: "PATCH",
    path: "/webhooks/{id}",
    tag: "Webhooks",
    summary: "Change a webhook endpoint.",
    description:
      "Its events, description, or whether it is enabled. A disabled endpoint gets no new deliveries; those pending wait until it is enabled again.",
    permission: "webhooks:manage",
    params: endpointParams,
    body: updateWebhookEndpointSchema,
    example: { body: { enabled: false } },
    responses: { 200: { description: "The endpoint now.", schema: webhookEndpoint }, 404: notFound },
    handler: async ({ principal, params, body, audit }) => ({
      status: 200,
      body: await updateWebhookEndpoint(principal.user.id, params.id, body, audit),
    }),
  }),
  defineOperation({
    id: "rotateWebhookSecret",
    method: "POST",
    path: "/webhooks/{id}/rotate-secret",
    tag: "Webhooks",
    summary: "Give a webhook endpoint a new signing secret.",
    description:
      "The old secret stops at once: every attempt from now on, retries included, is signed with the new one, which is in this answer only.",
    permission: "webhooks:manage",
    params: endpointParams,
    responses: {
      200: { description: "The endpoint, with its new signing secret this once.", schema: withSecret },
      404: notFound,
    },
    handler: async ({ principal, params, audit }) => {
      const { endpoint, secret } = await rotateWebhookSecret(principal.user.id, params.id, audit);
      return { status: 200, body: { ...endpoint, secret } };
    },
  }),
  defineOperation({
    id: "deleteWebhookEndpoint",
    method: "DELETE",
    path: "/webhooks/{id}",
    tag: "Webhooks",
    summary: "Delete a webhook endpoint.",
    description: "With its delivery log; deliveries still pending are not sent.",
    permission: "webhooks:manage",
    params: endpointParams,
    responses: { 204: { description: "Deleted." }, 404: notFound },
    handler: async ({ principal, params, audit }) => {
      await deleteWebhookEndpoint(principal.user.id, params.id, audit);
      return { status: 204, body: null };
    },
  }),
  defineOperation({
    id: "listWebhookDeliveries",
    method: "GET",
    path: "/webhooks/{id}/deliveries",
    tag: "Webhooks",
    summary: "Read a webhook endpoint's delivery log.",
    description:
      "Newest first: each message sent (or being sent), its status, attempts, and the last attempt's response code, duration and error.",
    permission: "webhooks:read",
    params: endpointParams,
    query: paginationQuery,
    responses: { 200: { description: "A page of deliveries.", schema: pageOf(webhookDelivery) }, 404: notFound },
    handler: async ({ principal, params, query }) => {
      const before = decodeCursor(query.cursor);
      const page = await listWebhookDeliveries(principal.user.id, params.id, {
        limit: query.limit,
        ...(before ? { before } : {}),
      });
      const last = page.items.at(-1);
      return {
        status: 200,
        body: { items: page.items, nextCursor: page.more && last ? encodeCursor(deliveryPosition(last)) : null },
      };
    },
  }),
  defineOperation({
    id: "getWebhookDelivery",
    method: "GET",
    path: "/webhooks/{id}/deliveries/{deliveryId}",
    tag: "Webhooks",
    summary: "Get one webhook delivery, with its payload.",
    permission: "webhooks:read",
    params: deliveryParams,
    responses: {
      200: { description: "The delivery and the body it sends.", schema: webhookDeliveryDetail },
      404: notFound,
    },
    handler: async ({ principal, params }) => ({
      status: 200,
      body: await getWebhookDelivery(principal.user.id, params.id, params.deliveryId),
    }),
  }),
  defineOperation({
    id: "redeliverWebhook",
    method: "POST",
    path: "/webhooks/{id}/deliveries/{deliveryId}/redeliver",
    tag: "Webhooks",
    summary: "Send a delivery's message again.",
    description:
      "A new delivery in the log, tried once at once: the same webhook-id and payload (a receiver that remembers ids sees the same message), a new webhook-timestamp and signature.",
    permission: "webhooks:manage",
    params: deliveryParams,
    responses: {
      202: { description: "The new delivery, pending.", schema: webhookDelivery },
      404: notFound,
      409: { description: "The endpoint is disabled: enable it first." },
    },
    handler: async ({ principal, params, audit }) => ({
      status: 202,
      body: await redeliverWebhook(principal.user.id, params.id, params.deliveryId, audit),
    }),
  }),
];
