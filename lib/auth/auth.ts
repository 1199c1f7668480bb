import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { defaultAccountPlanId } from "@/lib/catalog";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { passwordRules } from "@/lib/validations/account";
import {
  SignInLockedError,
  assertSignInAllowed,
  clearSignInFailures,
  recordSignInFailure,
} from "./sign-in-throttle";

function createAuth() {
  const { appUrl, authSecret, port } = env();
  return betterAuth({
    appName: "Clusterport",
    baseURL: appUrl,
    secret: authSecret,
    trustedOrigins: [appUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`],
    database: prismaAdapter(db(), { provider: "sqlite" }),
    telemetry: { enabled: false },
    // Sign-in failures are throttled per e-mail below; the per-IP limiter would need a trusted proxy header.
    rateLimit: { enabled: false },
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
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        try {
          await assertSignInAllowed(email);
        } catch (e) {
          if (e instanceof SignInLockedError) throw new APIError("TOO_MANY_REQUESTS", { message: e.message });
          throw e;
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const returned: unknown = ctx.context.returned;
        if (returned instanceof APIError) {
          if (returned.status === "UNAUTHORIZED") await recordSignInFailure(email);
        } else {
          await clearSignInFailures(email);
        }
      }),
    },
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { __auth?: Auth };

/** The better-auth instance, created on first use so that importing this module has no side effects. */
export function auth(): Auth {
  holder.__auth ??= createAuth();
  return holder.__auth;
}

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : undefined;
}
