import pino from "pino";
import { env } from "./env";

/** Structured logs. Secrets never reach a log line: known secret fields are redacted wherever they appear. */
export const logger = pino({
  level: env().logLevel,
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
