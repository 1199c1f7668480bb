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
  };
  return cached;
}
