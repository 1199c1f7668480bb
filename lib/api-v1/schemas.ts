import { environmentStatuses } from "@/lib/environments/environment-status";
import { z } from "@/lib/validations/zod";

/** Answer schemas of the API: what the OpenAPI document promises and the contract test checks. */

const json = z.record(z.string(), z.unknown());

const environmentSummary = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  domain: z.string(),
  ingressAddress: z
    .string()
    .describe(
      "The public address of the cluster's ingress: a domain of yours points here (an A record, or a CNAME to `domain`) before its certificate is issued.",
    ),
  region: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(environmentStatuses),
  version: z.string(),
  topology: z.enum(["development", "production"]),
  nodes: z.number().int(),
  monthlyPrice: z.number(),
  createdAt: z.string(),
});

export const environmentListItem = environmentSummary.extend({
  operation: z.object({ type: z.string(), status: z.string(), progress: z.number() }).nullable(),
});

export const environmentDetail = environmentSummary.extend({
  settings: json.describe("The install settings, as the install body takes them."),
  plan: json.describe(
    "The environment plan: node groups, step graph, endpoints, price, quotas, and `clusterQuota` ({pods, objects}): what the cluster's ResourceQuota allows of your pods and objects (their use: `kubectl describe quota`).",
  ),
  results: json.nullable().describe("Endpoints and health report once the install succeeded; no secrets."),
});

export const operationAccepted = z.object({
  operationId: z.string().describe("The operation started; follow it with GET …/status."),
});

export const changeAccepted = operationAccepted.extend({ summary: z.string(), diff: json });

export const changePreview = z.object({
  summary: z.string(),
  diff: json,
  problems: z.array(z.string()).describe("Quotas the change would break; empty when none."),
});

export const environmentStatus = z.object({
  name: z.string(),
  status: z.enum(environmentStatuses),
  operation: z
    .object({
      id: z.string(),
      type: z.string(),
      status: z.string(),
      summary: z.string().nullable(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      error: z
        .object({ step: z.string(), message: z.string(), fixableBy: z.enum(["user", "platform"]), action: z.string() })
        .nullable(),
    })
    .nullable(),
  progress: z.object({
    done: z.number().int(),
    total: z.number().int(),
    percent: z.number().int(),
    elapsedSeconds: z
      .number()
      .int()
      .describe(
        "How long the operation has run (or ran): from its start (while queued, its request) to its end or now.",
      ),
    remainingSeconds: z
      .number()
      .int()
      .nullable()
      .describe(
        "The estimated time left while it is queued or running (the plan's step estimates corrected by how long finished steps took, along the critical path); null once it ended or when a step failed.",
      ),
  }),
  running: z.array(z.string()).describe("Titles of the steps running now."),
  waiting: z
    .array(
      z.object({
        step: z.string(),
        message: z.string(),
        fixableBy: z.enum(["user", "platform"]),
        action: z.string(),
        nextAttemptAt: z.string().nullable(),
      }),
    )
    .describe(
      "Steps between attempts, each with why its last attempt did not succeed and what to do — e.g. a certificate waiting for its domain's DNS record, which says the record to create.",
    ),
  endpoints: json.nullable(),
});

export const logLine = z.object({
  seq: z.number().int(),
  at: z.string(),
  level: z.enum(["info", "warn", "error"]),
  step: z.string().nullable(),
  node: z.string().nullable(),
  message: z.string(),
});

export const credential = z.object({
  name: z.string(),
  label: z.string(),
  username: z.string().optional(),
  value: z.string(),
});

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(["read", "write"]),
  prefix: z.string().describe("The token's first characters, to tell tokens apart."),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: z.enum(["active", "expired", "revoked"]),
});

export const auditEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  outcome: z.enum(["success", "failure"]),
  target: z.string(),
  via: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  details: json,
});

export const account = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  plan: z.object({ id: z.string(), name: z.string() }),
  via: z.string().describe('How this request authenticated: "browser" or "token:<name>".'),
});

export const nameParams = z.object({ name: z.string().max(63).describe("The environment's name.") });
