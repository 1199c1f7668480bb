import path from "node:path";
import { z } from "zod";
import { loadGeneratedSecrets } from "./generated-secrets";

/** A whole-number variable whose every error names it and its range. */
function wholeNumber(name: string, min: number, max: number, fallback: number, what = "a whole number") {
  const error = `${name} must be ${what} from ${min} to ${max}.`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: wholeNumber("PORT", 1, 65535, 3000, "a port number"),
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set. `npm start` sets it for its embedded PostgreSQL; elsewhere set DATABASE_URL=postgres://user:password@host:5432/clusterport.",
    })
    .trim()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
      error: "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/clusterport.",
    }),
  DATABASE_POOL_MAX: wholeNumber("DATABASE_POOL_MAX", 2, 500, 20),
  DATA_DIR: z.string().trim().min(1, { error: "DATA_DIR must be a directory path." }).default("data"),
  APP_URL: z.url({ error: "APP_URL must be a full URL such as http://localhost:3000." }).optional(),
  AUTH_SECRET: z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters." }).optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: "ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32)." })
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIGN_IN_FREE_FAILURES: wholeNumber("SIGN_IN_FREE_FAILURES", 1, 100, 5),
  SIGN_IN_FIRST_DELAY_SECONDS: wholeNumber("SIGN_IN_FIRST_DELAY_SECONDS", 1, 3600, 2),
  SIGN_IN_MAX_DELAY_MINUTES: wholeNumber("SIGN_IN_MAX_DELAY_MINUTES", 1, 24 * 60, 15),
  TRUSTED_PROXY_HOPS: wholeNumber(
    "TRUSTED_PROXY_HOPS",
    0,
    10,
    0,
    "the number of reverse proxies in front of Clusterport",
  ),
  FAULT_INJECTION: z.enum(["true", "false"], { error: "FAULT_INJECTION must be true or false." }).default("false"),
  ENGINE_TIME_SCALE: z.coerce
    .number({ error: "ENGINE_TIME_SCALE must be a number such as 0.2 (0 = instant, 1 = real durations)." })
    .min(0, { error: "ENGINE_TIME_SCALE must be between 0 and 10." })
    .max(10, { error: "ENGINE_TIME_SCALE must be between 0 and 10." })
    .default(0.18),
  ENGINE_IN_PROCESS: z.enum(["true", "false"], { error: "ENGINE_IN_PROCESS must be true or false." }).default("true"),
  ENGINE_CONCURRENCY: wholeNumber("ENGINE_CONCURRENCY", 1, 10_000, 64),
  ENGINE_LEASE_MARGIN_MS: wholeNumber("ENGINE_LEASE_MARGIN_MS", 100, 600_000, 30_000),
  API_RATE_LIMIT: wholeNumber(
    "API_RATE_LIMIT",
    1,
    1_000_000,
    600,
    "the number of API requests a token may make per minute",
  ),
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(["true", "false"], { error: "WEBHOOKS_ALLOW_PRIVATE must be true or false." })
    .default("false"),
  DNS_RESOLVER: z
    .enum(["simulated", "system"], {
      error:
        "DNS_RESOLVER must be simulated (the DNS records of the Account page) or system (this machine's DNS servers).",
    })
    .default("simulated"),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  appUrl: string;
  databaseUrl: string;
  databasePoolMax: number;
  /** The embedded database (postgres/), its log and generated secrets (secrets.json) live here. */
  dataDir: string;
  authSecret: string;
  encryptionKey: string;
  logLevel: z.infer<typeof schema>["LOG_LEVEL"];
  signIn: { freeFailures: number; firstDelayMs: number; maxDelayMs: number; forgetAfterMs: number; maxRows: number };
  trustedProxyHops: number;
  /** Test and demo fault injection (PUT …/faults, `faults` on create); off unless FAULT_INJECTION=true. */
  faultInjection: boolean;
  engine: { timeScale: number; inProcess: boolean; concurrency: number; leaseMarginMs: number };
  /** Requests per API token per minute (429 beyond, with Retry-After). */
  apiRateLimit: number;
  /** Webhook endpoints at private, loopback or link-local addresses are refused unless the operator allows them. */
  webhooksAllowPrivate: boolean;
  /**
   * Where the certificate manager resolves a domain before it issues a certificate: the simulated zone (the
   * DNS records accounts create, and every cluster's own name), which fits the simulated cloud; or the system's
   * DNS, for clusters with addresses of the real internet.
   */
  dnsResolver: "simulated" | "system";
};

/** Thrown when configuration is wrong; the message lists every bad variable in words. */
export class ConfigError extends Error {}

let cached: Env | undefined;

/**
 * Checks every variable without keeping the result; `npm start` calls it before it starts a database, so that
 * a mistyped PORT is reported at once. A missing DATABASE_URL is fine there: the embedded database sets it.
 */
export function assertConfiguration(opts: { databaseUrlOptional: boolean }): void {
  const input =
    opts.databaseUrlOptional && !process.env.DATABASE_URL
      ? { ...process.env, DATABASE_URL: "postgres://embedded/clusterport" }
      : process.env;
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw configError(parsed.error.issues);
}

function configError(issues: readonly { path: PropertyKey[]; message: string }[]): ConfigError {
  return new ConfigError(
    `Invalid configuration:\n${issues.map((i) => `  ${i.path.map(String).join(".")}: ${i.message}`).join("\n")}`,
  );
}

/** Validated configuration. Safe defaults everywhere; secrets default to generated ones persisted beside the database. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw configError(parsed.error.issues);
  const v = parsed.data;
  const generated = v.AUTH_SECRET && v.ENCRYPTION_KEY ? undefined : loadGeneratedSecrets(path.resolve(v.DATA_DIR));
  cached = {
    nodeEnv: v.NODE_ENV,
    port: v.PORT,
    appUrl: (v.APP_URL ?? `http://localhost:${v.PORT}`).replace(/\/$/, ""),
    databaseUrl: v.DATABASE_URL,
    databasePoolMax: v.DATABASE_POOL_MAX,
    dataDir: path.resolve(v.DATA_DIR),
    authSecret: v.AUTH_SECRET ?? generated!.authSecret,
    encryptionKey: v.ENCRYPTION_KEY ?? generated!.encryptionKey,
    logLevel: v.LOG_LEVEL,
    signIn: {
      freeFailures: v.SIGN_IN_FREE_FAILURES,
      firstDelayMs: v.SIGN_IN_FIRST_DELAY_SECONDS * 1000,
      maxDelayMs: v.SIGN_IN_MAX_DELAY_MINUTES * 60_000,
      forgetAfterMs: 24 * 60 * 60_000,
      maxRows: 100_000,
    },
    trustedProxyHops: v.TRUSTED_PROXY_HOPS,
    faultInjection: v.FAULT_INJECTION === "true",
    engine: {
      timeScale: v.ENGINE_TIME_SCALE,
      inProcess: v.ENGINE_IN_PROCESS === "true",
      concurrency: v.ENGINE_CONCURRENCY,
      leaseMarginMs: v.ENGINE_LEASE_MARGIN_MS,
    },
    apiRateLimit: v.API_RATE_LIMIT,
    webhooksAllowPrivate: v.WEBHOOKS_ALLOW_PRIVATE === "true",
    dnsResolver: v.DNS_RESOLVER,
  };
  return cached;
}
