import pino from "pino";

const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
// Read directly, not through env(): importing the logger must not require the whole configuration (tests,
// scripts). A bad LOG_LEVEL is still reported by env() at start-up.
const level = levels.includes(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL! : "info";

/** Structured logs. Secrets never reach a log line: known secret fields are redacted wherever they appear. */
export const logger = pino({
  level,
  base: undefined,
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "headers.cookie",
      "*.headers.cookie",
      "authorization",
      "*.authorization",
    ],
    censor: "[redacted]",
  },
});
