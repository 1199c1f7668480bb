import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { defaultAccountPlanId } from "@/lib/catalog";
import { database } from "@/lib/db/database";
import { env } from "@/lib/env";
import { normaliseAddress } from "@/lib/http/client-address";
import { logger } from "@/lib/logger";
import { passwordRules, signInSchema, signUpSchema, updateProfileSchema } from "@/lib/validations/account";
import { forgiveSignInAttempt, reserveSignInAttempt, throttleMessage } from "./sign-in-throttle";

/** better-auth endpoints whose bodies are parsed with the app's own schemas before better-auth sees them. */
const extras = {
  callbackURL: z.string({ error: "callbackURL must be a path of this site." }).max(2048).optional(),
  rememberMe: z.boolean({ error: "rememberMe must be true or false." }).optional(),
};
const bodySchemas: Record<string, z.ZodType<Record<string, unknown>>> = {
  "/sign-in/email": signInSchema.extend(extras).strict(),
  "/sign-up/email": signUpSchema.extend(extras).strict(),
  "/update-user": updateProfileSchema.strict(),
};

function createAuth() {
  const { appUrl, authSecret, port, signIn } = env();
  return betterAuth({
    appName: "Clusterport",
    baseURL: appUrl,
    secret: authSecret,
    trustedOrigins: [appUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`],
    // better-auth's own PostgreSQL support (Kysely) on the process's pool: its tables are in the same schema.
    database: database(),
    telemetry: { enabled: false },
    // Its lines (a refused callbackURL or origin quoted in full) go through the app's logger, which escapes
    // what users sent; its own console output would print them raw. Not "debug" (nor "warn" or "error"): at
    // those levels it also prints every refused request's message to the console itself, outside this logger.
    logger: {
      level: "info",
      log: (level, message, ...details: unknown[]) => logger[level]({ source: "better-auth", details }, message),
    },
    // Failed sign-ins are throttled below per client network and e-mail; better-auth's limiter would trust
    // any X-Forwarded-For a client sends.
    rateLimit: { enabled: false },
    // Cookies are Secure (and __Secure- prefixed) exactly when the app is served over https. The origin and
    // callbackURL checks are on whatever the environment says: better-auth turns them off by itself when
    // NODE_ENV=test or TEST is set, which a server must never inherit from its surroundings.
    advanced: { useSecureCookies: appUrl.startsWith("https://"), disableOriginCheck: false },
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: passwordRules.min,
      maxPasswordLength: passwordRules.max,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        plan: { type: "string", required: false, defaultValue: defaultAccountPlanId, input: false },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (hasUnstorableText(ctx.body) || hasUnstorableText(ctx.query)) {
          throw new APIError("BAD_REQUEST", {
            code: "INVALID_INPUT",
            message:
              "The request contains characters that are not allowed (a NUL character or a broken Unicode character).",
          });
        }
        const schema = bodySchemas[ctx.path];
        if (!schema) return;
        const parsed = schema.safeParse(ctx.body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join(".");
          const message =
            issue?.code === "unrecognized_keys"
              ? `Unexpected field: ${issue.keys.join(", ")}.`
              : (issue?.message ?? "Check the form.");
          throw new APIError("BAD_REQUEST", {
            code: "INVALID_INPUT",
            message: field ? `${field}: ${message}` : message,
          });
        }
        if (ctx.path === "/sign-in/email") {
          const verdict = await reserveSignInAttempt(database(), {
            address: addressOf(ctx.headers),
            email: String(parsed.data.email),
            now: new Date(),
            policy: signIn,
          });
          if (!verdict.allowed) {
            await auditSignIn(String(parsed.data.email), "failure", ctx.headers, "too many attempts");
            throw new APIError(
              "TOO_MANY_REQUESTS",
              { code: "TOO_MANY_ATTEMPTS", message: throttleMessage(verdict.retryAfterSeconds) },
              { "Retry-After": String(verdict.retryAfterSeconds) },
            );
          }
        }
        // better-auth continues with the normalised values (trimmed name, lower-case e-mail).
        return { context: { body: parsed.data } };
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const returned: unknown = ctx.context.returned;
        const email = (ctx.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== "string") return;
        await auditSignIn(email, returned instanceof APIError ? "failure" : "success", ctx.headers);
        if (returned instanceof APIError) return;
        await forgiveSignInAttempt(database(), { address: addressOf(ctx.headers), email, policy: signIn });
      }),
    },
  });
}

/** NUL and lone surrogates: PostgreSQL cannot store them, and no e-mail, name or token contains one. */
function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return /[\u0000\p{Cs}]/u.test(value);
  if (depth > 8 || value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([k, v]) => hasUnstorableText(k) || hasUnstorableText(v, depth + 1));
}

/**
 * The client's address as the server in front of Next.js (scripts/serve.ts) wrote it: X-Forwarded-For holds
 * exactly one trusted address there, whatever the client sent.
 */
function addressOf(headers: Headers | undefined): string {
  const first = headers?.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  return normaliseAddress(first) || "unknown";
}

/**
 * A sign-in, or a failed one, in the account's audit log — when the e-mail names an account (an unknown e-mail
 * has no log to go to, and is not revealed either way).
 */
async function auditSignIn(
  email: string,
  outcome: "success" | "failure",
  headers: Headers | undefined,
  reason?: string,
): Promise<void> {
  const { rows } = await database().query<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [
    email.trim().toLowerCase(),
  ]);
  const userId = rows[0]?.id;
  if (!userId) return;
  await recordAudit(
    { userId, via: "browser", ip: addressOf(headers), userAgent: headers?.get("user-agent") ?? "" },
    {
      action: outcome === "success" ? "sign-in" : "sign-in.failed",
      outcome,
      ...(reason ? { details: { reason } } : {}),
    },
  );
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { __auth?: Auth };

/** The better-auth instance, created on first use so that importing this module has no side effects. */
export function auth(): Auth {
  holder.__auth ??= createAuth();
  return holder.__auth;
}
