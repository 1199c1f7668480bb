import type { AuditContext } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import type { z } from "@/lib/validations/zod";
import { scopeFor, type Permission, type Scope } from "./permissions";

/** Who calls: the account, and how — a browser session, or an API token with its scope. */
export type Principal = {
  user: CurrentUser;
  token: { id: string; name: string; scope: Scope } | null;
  /** For the audit log: "browser" or "token:<name>". */
  via: string;
  ip: string;
  userAgent: string;
};

export type OperationContext<P, Q, B> = {
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  request: Request;
  audit: AuditContext;
};

/** A handler's answer: JSON with its status (and headers), or a Response of its own (a stream, a file). */
export type OperationAnswer = { status: number; body: unknown; headers?: Record<string, string> } | Response;

type Schema = z.ZodType;
type In<S> = S extends z.ZodType ? z.output<S> : undefined;

export type OperationSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = {
  /** The OpenAPI operationId, e.g. "listEnvironments". */
  id: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Under /api/v1, with {braces} for path parameters: "/environments/{name}". */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The one permission a caller needs (lib/api-v1/permissions.ts); the dispatcher checks it. */
  permission: Permission;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented answers: status → description and the body's schema (JSON unless `contentType` says otherwise). */
  responses: Record<number, { description: string; schema?: Schema; contentType?: string }>;
  /** A request that works on a demo account (the reference page shows it; the contract test sends it). */
  example?: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
  handler(ctx: OperationContext<In<P>, In<Q>, In<B>>): Promise<OperationAnswer>;
};

export type Operation = OperationSpec<Schema | undefined, Schema | undefined, Schema | undefined> & {
  /** The least token scope that holds the permission: a Read token calls only `:read` operations. */
  scope: Scope;
};

/** One operation of the API: its route, its schemas (which validate requests and make the OpenAPI document) and its handler. */
export function defineOperation<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: OperationSpec<P, Q, B>): Operation {
  return { ...(spec as unknown as Omit<Operation, "scope">), scope: scopeFor(spec.permission) };
}
