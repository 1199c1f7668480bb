import { z } from "zod";
import { databaseUrl } from "./database-url";
import { loadGeneratedSecrets } from "./generated-secrets";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ error: "PORT must be a number." })
    .int({ error: "PORT must be a whole number." })
    .min(1, { error: "PORT must be between 1 and 65535." })
    .max(65535, { error: "PORT must be between 1 and 65535." })
    .default(3000),
  APP_URL: z.url({ error: "APP_URL must be a full URL such as http://localhost:3000." }).optional(),
  AUTH_SECRET: z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters." }).optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: "ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)." })
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  ENGINE_TIME_SCALE: z.coerce
    .number({ error: "ENGINE_TIME_SCALE must be a number such as 0.2 (0 = instant, 1 = real durations)." })
    .min(0, { error: "ENGINE_TIME_SCALE must be between 0 and 10." })
    .max(10, { error: "ENGINE_TIME_SCALE must be between 0 and 10." })
    .default(0.18),
  ENGINE_IN_PROCESS: z.enum(["true", "false"], { error: "ENGINE_IN_PROCESS must be true or false." }).default("true"),
  ENGINE_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(64),
  ENGINE_LEASE_MARGIN_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  appUrl: string;
  databaseUrl: string;
  authSecret: string;
  encryptionKey: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  signInMaxFailures: number;
  signInLockMinutes: number;
  engine: { timeScale: number; inProcess: boolean; concurrency: number; leaseMarginMs: number };
};

/** Thrown when configuration is wrong; the message lists every bad variable in words. */
export class ConfigError extends Error {}

let cached: Env | undefined;

/** Validated configuration. Safe defaults everywhere; secrets default to generated ones persisted beside the database. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  let url: string;
  try {
    url = databaseUrl();
  } catch (e) {
    throw new ConfigError(`Invalid configuration:\n  DATABASE_URL: ${(e as Error).message}`);
  }
  const v = parsed.data;
  const generated = v.AUTH_SECRET && v.ENCRYPTION_KEY ? undefined : loadGeneratedSecrets(url);
  cached = {
    nodeEnv: v.NODE_ENV,
    port: v.PORT,
    appUrl: (v.APP_URL ?? `http://localhost:${v.PORT}`).replace(/\/$/, ""),
    databaseUrl: url,
    authSecret: v.AUTH_SECRET ?? generated!.authSecret,
    encryptionKey: v.ENCRYPTION_KEY ?? generated!.encryptionKey,
    logLevel: v.LOG_LEVEL,
    signInMaxFailures: v.SIGN_IN_MAX_FAILURES,
    signInLockMinutes: v.SIGN_IN_LOCK_MINUTES,
    engine: {
      timeScale: v.ENGINE_TIME_SCALE,
      inProcess: v.ENGINE_IN_PROCESS === "true",
      concurrency: v.ENGINE_CONCURRENCY,
      leaseMarginMs: v.ENGINE_LEASE_MARGIN_MS,
    },
  };
  return cached;
}
