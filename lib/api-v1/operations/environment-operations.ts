import { randomUUID } from "node:crypto";
import { countActiveEnvironments } from "@/lib/data/count-active-environments";
import { createEnvironment } from "@/lib/data/create-environment";
import { findEnvironmentList } from "@/lib/data/find-environment-list";
import { findEnvironmentLogLines } from "@/lib/data/find-environment-log-lines";
import { getCredentials } from "@/lib/data/get-credentials";
import { getEnvironment } from "@/lib/data/get-environment";
import { getKubeconfig } from "@/lib/data/get-kubeconfig";
import { getStatusSnapshot } from "@/lib/data/get-status-snapshot";
import { requestEnvironmentOperation } from "@/lib/data/request-environment-operation";
import { faultsSchema, type LogLineRecord } from "@/lib/engine";
import { environmentStatuses } from "@/lib/environments/environment-status";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { withKubernetesApiEndpoint } from "@/lib/kube-api/with-kubernetes-api-endpoint";
import { estimateRemainingMs } from "@/lib/live/estimate-remaining-ms";
import { operationElapsedMs } from "@/lib/live/operation-elapsed-ms";
import { computePlan } from "@/lib/plan";
import { installBodySchema } from "@/lib/validations/install-body";
import { installSettingsSchema, withInstallDefaults } from "@/lib/validations/install-settings";
import { z } from "@/lib/validations/zod";
import { defineOperation } from "../define-operation";
import { encodeCursor, decodeCursor, pageList, pageOf, paginationQuery } from "../pagination";
import {
  credential,
  environmentDetail,
  environmentListItem,
  environmentStatus,
  logLine,
  nameParams,
  operationAccepted,
} from "../schemas";

const tag = "Environments";
const example = { params: { name: "demo" } };

/** The install body (lib/validations/install-body.ts), which `clusterport env create --file` checks too. */
const installBody = installBodySchema;

/** An install may carry faults (tests and demos) beside its settings; a preview has none to carry. */
const createBody = installBodySchema.extend({ faults: faultsSchema.optional() });

/** A log line's number in a query: a whole number, 0 or more. */
const lineSeq = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a line number.` })
    .int({ error: `${name} must be a whole number.` })
    .min(0, { error: `${name} must be 0 or more.` });

const toLogLineItem = (l: LogLineRecord) => ({
  seq: l.seq,
  at: l.at.toISOString(),
  level: l.level,
  step: l.stepKey,
  node: l.node,
  message: l.message,
});

const lifecycle = (kind: "retry" | "cancel" | "rollback", summary: string, description: string) =>
  defineOperation({
    id: `${kind}Environment`,
    method: "POST",
    path: `/environments/{name}/${kind}`,
    tag,
    summary,
    description,
    permission: "environments:change",
    params: nameParams,
    responses: {
      202: { description: "Started.", schema: operationAccepted },
      404: { description: "No such environment." },
      409: { description: "Not possible in the environment's state." },
    },
    handler: async ({ principal, params, audit }) => ({
      status: 202,
      body: await requestEnvironmentOperation(principal.user.id, params.name, kind, audit),
    }),
  });

export const environmentOperations = [
  defineOperation({
    id: "listEnvironments",
    method: "GET",
    path: "/environments",
    tag,
    summary: "List your environments.",
    description:
      "Newest first, with each one's current operation and its progress. Deleted and cancelled ones are listed too (filter with status).",
    permission: "environments:read",
    query: paginationQuery.extend({
      status: z
        .enum(environmentStatuses, { error: `status must be one of ${environmentStatuses.join(", ")}.` })
        .optional(),
    }),
    responses: { 200: { description: "A page of environments.", schema: pageOf(environmentListItem) } },
    handler: async ({ principal, query }) => {
      const all = (await findEnvironmentList(principal.user.id)).filter(
        (e) => !query.status || e.status === query.status,
      );
      return { status: 200, body: pageList(all, (e) => e.id, query) };
    },
  }),
  defineOperation({
    id: "createEnvironment",
    method: "POST",
    path: "/environments",
    tag,
    summary: "Install a Kubernetes cluster.",
    description:
      "The install dialog's settings; only name and region are required, the rest default as in the dialog. 201 with the environment (queued); with an Idempotency-Key, a repeat returns the first answer. For tests and demos, `faults` (as PUT /environments/{name}/faults takes them) apply from the install's first step; a 400 on that field unless the server runs with FAULT_INJECTION=true.",
    permission: "environments:create",
    body: createBody,
    example: { body: { name: "demo-api", region: "eu-central", topology: "development", workers: 1 } },
    responses: {
      201: { description: "Queued for install.", schema: environmentDetail },
      403: { description: "Over the plan's quotas." },
      409: { description: "The name is taken." },
    },
    handler: async ({ principal, body: { faults, ...install }, audit }) => {
      const settings = installSettingsSchema.safeParse(withInstallDefaults(install));
      if (!settings.success)
        throw new ValidationError(fieldErrorsFromIssues(settings.error.issues), settings.error.issues[0]?.message);
      const created = await createEnvironment(principal.user, settings.data, audit, randomUUID(), faults);
      return { status: 201, body: await getEnvironment(principal.user.id, created.name) };
    },
  }),
  defineOperation({
    id: "previewPlan",
    method: "POST",
    path: "/plan",
    tag,
    summary: "Preview the plan of an install.",
    description:
      "What an install with these settings would create — nodes, resources, price, quotas, steps and their estimate — without creating anything.",
    permission: "environments:read",
    body: installBody,
    example: { body: { name: "preview", region: "eu-central", topology: "production", workers: 3 } },
    responses: { 200: { description: "The plan.", schema: z.record(z.string(), z.unknown()) } },
    handler: async ({ principal, body }) => {
      const settings = installSettingsSchema.safeParse(withInstallDefaults(body));
      if (!settings.success)
        throw new ValidationError(fieldErrorsFromIssues(settings.error.issues), settings.error.issues[0]?.message);
      const plan = computePlan(settings.data, {
        plan: principal.user.plan,
        environmentsInUse: await countActiveEnvironments(principal.user.id),
      });
      // The cluster has no id yet: its API's address is shown as the install dialog shows it.
      return { status: 200, body: { ...plan, endpoints: withKubernetesApiEndpoint(plan.endpoints, "<cluster id>") } };
    },
  }),
  defineOperation({
    id: "getEnvironment",
    method: "GET",
    path: "/environments/{name}",
    tag,
    summary: "Get an environment.",
    description: "Its settings, plan and, once installed, endpoints and health report (no secrets).",
    permission: "environments:read",
    params: nameParams,
    example,
    responses: {
      200: { description: "The environment.", schema: environmentDetail },
      404: { description: "No such environment." },
    },
    handler: async ({ principal, params }) => ({
      status: 200,
      body: await getEnvironment(principal.user.id, params.name),
    }),
  }),
  defineOperation({
    id: "deleteEnvironment",
    method: "DELETE",
    path: "/environments/{name}",
    tag,
    summary: "Delete an environment.",
    description:
      "Tears the cluster down (202); the environment is deleted when its delete operation ends. Its name and quota are then released.",
    permission: "environments:delete",
    params: nameParams,
    responses: {
      202: { description: "Teardown started.", schema: operationAccepted },
      404: { description: "No such environment." },
      409: { description: "Not possible now." },
    },
    handler: async ({ principal, params, audit }) => ({
      status: 202,
      body: await requestEnvironmentOperation(principal.user.id, params.name, "delete", audit),
    }),
  }),
  lifecycle(
    "retry",
    "Retry a failed operation.",
    "Resumes the failed install, change, cancel or delete from the step that failed; finished steps are not repeated.",
  ),
  lifecycle("cancel", "Cancel an install.", "Stops an install in progress and tears down what it created."),
  lifecycle(
    "rollback",
    "Roll back a failed change.",
    "Undoes the newest change when it failed after adding nodes: they are removed and the plan restored.",
  ),
  defineOperation({
    id: "getEnvironmentStatus",
    method: "GET",
    path: "/environments/{name}/status",
    tag,
    summary: "Get an environment's progress.",
    description:
      "Its status, the current operation with its progress (steps done of all) and the steps running now; poll it to follow an install.",
    permission: "environments:read",
    params: nameParams,
    example,
    responses: {
      200: { description: "The status.", schema: environmentStatus },
      404: { description: "No such environment." },
    },
    handler: async ({ principal, params }) => {
      const { snapshot } = await getStatusSnapshot(principal.user.id, params.name);
      const current = snapshot.operations[0] ?? null;
      const now = Date.parse(snapshot.serverTime);
      const active = current?.status === "queued" || current?.status === "running";
      const remainingMs = active ? estimateRemainingMs(snapshot.steps, now) : null;
      const done = snapshot.steps.filter((s) => s.status === "succeeded").length;
      const total = snapshot.steps.length;
      return {
        status: 200,
        body: {
          name: snapshot.environment.name,
          status: snapshot.environment.status,
          operation: current && {
            id: current.id,
            type: current.type,
            status: current.status,
            summary: current.summary,
            startedAt: current.startedAt,
            finishedAt: current.finishedAt,
            error: current.error && {
              step: current.error.stepTitle,
              message: current.error.message,
              fixableBy: current.error.fixableBy,
              action: current.error.action,
            },
          },
          progress: {
            done,
            total,
            percent: total === 0 ? 100 : Math.floor((done * 100) / total),
            elapsedSeconds: current ? Math.floor(operationElapsedMs(current, now) / 1000) : 0,
            remainingSeconds: remainingMs === null ? null : Math.ceil(remainingMs / 1000),
          },
          running: snapshot.steps.filter((s) => s.status === "running" || s.status === "retrying").map((s) => s.title),
          waiting: snapshot.steps
            .filter((s) => s.status === "retrying" && s.error)
            .map((s) => ({
              step: s.title,
              message: s.error!.message,
              fixableBy: s.error!.fixableBy,
              action: s.error!.action,
              nextAttemptAt: s.availableAt,
            })),
          endpoints: snapshot.results?.endpoints ?? null,
        },
      };
    },
  }),
  defineOperation({
    id: "listEnvironmentLogs",
    method: "GET",
    path: "/environments/{name}/logs",
    tag,
    summary: "Read an environment's log.",
    description:
      "Its install and operation log, oldest first, a page at a time; to follow it, ask again with the nextCursor of the last page (null: nothing more yet). `after` starts after a line's seq (as the live feed knows it); `before` gives the `limit` lines just before a line's seq (reading back).",
    permission: "environments:read",
    params: nameParams,
    query: paginationQuery.extend({
      // Its own bounds: the shared limit's max(200) would still apply under a wider max.
      limit: z.coerce
        .number({ error: "limit must be a number from 1 to 1000." })
        .int({ error: "limit must be a whole number from 1 to 1000." })
        .min(1, { error: "limit must be from 1 to 1000." })
        .max(1000, { error: "limit must be from 1 to 1000." })
        .default(500),
      after: lineSeq("after").optional(),
      before: lineSeq("before").optional(),
    }),
    example,
    responses: {
      200: {
        description: "A page of log lines and where the next begins.",
        schema: pageOf(logLine).extend({
          lastCursor: z.string().describe("Where the log ends now: ask again with it to follow."),
        }),
      },
    },
    handler: async ({ principal, params, query }) => {
      if (query.before !== undefined) {
        const page = await findEnvironmentLogLines(principal.user.id, params.name, {
          before: query.before,
          limit: query.limit,
        });
        const last = page.at(-1)?.seq;
        const cursor = last === undefined ? null : encodeCursor(String(last));
        return {
          status: 200,
          body: {
            items: page.map(toLogLineItem),
            nextCursor: cursor,
            lastCursor: cursor ?? encodeCursor(String(Math.max(query.before - 1, 0))),
          },
        };
      }
      const after = query.after ?? Number(decodeCursor(query.cursor) ?? "0");
      const lines = await findEnvironmentLogLines(principal.user.id, params.name, {
        after: Number.isSafeInteger(after) ? after : 0,
        limit: query.limit + 1,
      });
      const page = lines.slice(0, query.limit);
      const last = page.at(-1)?.seq ?? after;
      return {
        status: 200,
        body: {
          items: page.map(toLogLineItem),
          nextCursor: lines.length > query.limit ? encodeCursor(String(last)) : null,
          lastCursor: encodeCursor(String(last)),
        },
      };
    },
  }),
  defineOperation({
    id: "downloadEnvironmentLog",
    method: "GET",
    path: "/environments/{name}/logs/text",
    tag,
    summary: "Download an environment's whole log.",
    description: "Every line, oldest first, as a text file: time, level, node, step and message.",
    permission: "environments:read",
    params: nameParams,
    example,
    responses: {
      200: { description: "The log.", contentType: "text/plain" },
      404: { description: "No such environment." },
    },
    handler: async ({ principal, params }) => {
      const lines = await findEnvironmentLogLines(principal.user.id, params.name, { after: 0, limit: 1_000_000 });
      const text = lines
        .map(
          (l) =>
            `${l.at.toISOString()} ${l.level.toUpperCase().padEnd(5)} ${l.node ?? "-"} ${l.stepKey ?? "-"} ${l.message}`,
        )
        .join("\n");
      return new Response(`${text}\n`, {
        headers: {
          "content-type": "text/plain; charset=utf-8",
          "content-disposition": `attachment; filename="${params.name}-install.log"`,
          "cache-control": "no-store",
        },
      });
    },
  }),
  defineOperation({
    id: "getKubeconfig",
    method: "GET",
    path: "/environments/{name}/kubeconfig",
    tag,
    summary: "Download the cluster's admin kubeconfig.",
    description:
      "YAML for kubectl and Kubernetes clients, naming the cluster's API at https://<APP_URL host and port>/k8s/clusters/<id> (APP_URL's own origin when it is https), the installation's certificate authority when Clusterport serves the TLS itself, and its admin token. Recorded in the audit log.",
    permission: "credentials:read",
    params: nameParams,
    responses: {
      200: { description: "The kubeconfig.", contentType: "application/yaml" },
      409: { description: "Not running yet." },
    },
    handler: async ({ principal, params, audit }) => {
      const { fileName, yaml } = await getKubeconfig(principal.user.id, params.name, audit);
      return new Response(yaml, {
        headers: {
          "content-type": "application/yaml; charset=utf-8",
          "content-disposition": `attachment; filename="${fileName}"`,
          "cache-control": "no-store",
        },
      });
    },
  }),
  defineOperation({
    id: "listCredentials",
    method: "GET",
    path: "/environments/{name}/credentials",
    tag,
    summary: "Reveal the environment's credentials.",
    description: "The admin token and add-on passwords, decrypted on this request only. Recorded in the audit log.",
    permission: "credentials:read",
    params: nameParams,
    responses: { 200: { description: "The credentials.", schema: z.object({ items: z.array(credential) }) } },
    handler: async ({ principal, params, audit }) => ({
      status: 200,
      body: { items: await getCredentials(principal.user.id, params.name, audit) },
    }),
  }),
];
