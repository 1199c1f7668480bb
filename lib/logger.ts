import pino, { type DestinationStream, type LoggerOptions } from "pino";
import { escapeLogValue } from "./escape-log-value";

const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
// Read directly, not through env(): importing the logger must not require the whole configuration (tests,
// scripts). A bad LOG_LEVEL is still reported by env() at start-up.
const level = levels.includes(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL! : "info";

/**
 * Structured logs. Secrets never reach a log line: known secret fields are redacted wherever they appear. Text
 * that users control (URLs, names, headers, error messages quoting them) never reaches one raw either: every
 * string — the message, its printf arguments, every field at any depth, errors and child bindings — has its
 * control characters written out (`\n`, `\x1b`; see escape-log-value.ts), here, once, for every caller.
 */
export function createLogger(destination?: DestinationStream): pino.Logger {
  const options: LoggerOptions = {
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
    // Errors are serialized (by pino's serializer) and escaped in formatters.log; serializing them again here
    // would read the plain result as an error of type Object.
    serializers: { err: (e: unknown) => e },
    formatters: {
      log: (object) => escapeLogValue(object) as Record<string, unknown>,
      bindings: (bindings) => escapeLogValue(bindings) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        // pino takes an Error's message as the line's message when none is given: escape that one too.
        const [first, second] = args as unknown[];
        const message = first instanceof Error && typeof second !== "string" ? [first.message] : [];
        method.apply(
          this,
          [...args, ...message].map((a, i) => (i === 0 && typeof a === "object" ? a : escapeLogValue(a))) as Parameters<
            typeof method
          >,
        );
      },
    },
  };
  const root = destination ? pino(options, destination) : pino(options);
  // pino applies formatters.bindings to the root's bindings only; a child's (and its children's, which inherit
  // this method) are escaped on their way in.
  type Child = (this: pino.Logger, bindings: pino.Bindings, childOptions?: pino.ChildLoggerOptions) => pino.Logger;
  const child = root.child as unknown as Child;
  const escapedChild: Child = function (bindings, childOptions) {
    return child.call(this, escapeLogValue(bindings) as pino.Bindings, childOptions);
  };
  root.child = escapedChild as unknown as typeof root.child;
  return root;
}

export const logger = createLogger();
