import { webhookEventDescriptions, webhookEventTypes } from "@/lib/webhooks/event-types";
import { singleLineText } from "./text-rules";
import { z } from "./zod";

/**
 * A webhook endpoint's URL, as far as its text goes: at most 2048 characters, http(s), no user name or password.
 * Where it points (public addresses only, https unless private addresses are allowed) is checked by the SSRF
 * guard (lib/webhooks/check-webhook-url.ts), which needs DNS and the configuration.
 */
const webhookUrlSchema = z
  .string({ error: "Enter the URL that receives the webhooks." })
  .trim()
  .min(1, { error: "Enter the URL that receives the webhooks." })
  .max(2048, { error: "Use at most 2048 characters." })
  .refine((v) => URL.canParse(v), { error: "Enter a full URL such as https://example.com/hooks/clusterport." })
  .refine((v) => !URL.canParse(v) || ["https:", "http:"].includes(new URL(v).protocol), {
    error: "Use an https:// URL.",
  })
  .refine((v) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""), {
    error: "Remove the user name and password from the URL: receivers check each request's signature instead.",
  });

const events = z
  .array(z.enum(webhookEventTypes, { error: `Choose events from: ${webhookEventTypes.join(", ")}.` }), {
    error: "Choose the events to send.",
  })
  .min(1, { error: "Choose at least one event." })
  .refine((list) => new Set(list).size === list.length, { error: "Choose each event once." })
  .describe(`The events to send: ${webhookEventTypes.map((t) => `${t} (${webhookEventDescriptions[t]})`).join("; ")}`);

const description = singleLineText({ label: "a description", min: 0, max: 200 });

/** A new endpoint: where, what for (optional), and which events. */
export const createWebhookEndpointSchema = z.strictObject(
  { url: webhookUrlSchema, description: description.default(""), events },
  { error: 'Send { "url": "https://…", "events": ["operation.failed"], "description"?: "…" }.' },
);
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointSchema>;

/** A change to an endpoint: its events, description, or whether it receives anything. */
export const updateWebhookEndpointSchema = z
  .strictObject(
    {
      description: description.optional(),
      events: events.optional(),
      enabled: z.boolean({ error: "enabled is true or false." }).optional(),
    },
    { error: 'Send any of { "events": […], "description": "…", "enabled": true }.' },
  )
  .refine((v) => v.description !== undefined || v.events !== undefined || v.enabled !== undefined, {
    error: "Send at least one of events, description and enabled.",
  });
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointSchema>;
