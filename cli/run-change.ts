import type { Command } from "commander";
import { fieldErrorsFromIssues } from "@/lib/errors";
import type { PlanDiff } from "@/lib/plan";
import type { z } from "@/lib/validations/zod";
import type { ChangeAccepted } from "./api-types";
import { CliError } from "./cli-error";
import type { CommandContext } from "./command-context";
import { environmentPath } from "./environment-path";
import { exitCodes } from "./exit-codes";
import { formatPlanDiff } from "./format-plan-diff";
import { jsonWanted, toJson } from "./json-output";
import { assertSucceeded, watchStatus } from "./watch-status";

/** The options every change command takes. */
export type ChangeOptions = { preview?: boolean; watch?: boolean; idempotencyKey?: string };

/** The Idempotency-Key rule the API applies, told before anything is sent. */
const keyPattern = /^[A-Za-z0-9_.:-]{8,200}$/;

/** Adds --preview, --watch and --idempotency-key to a change command. */
export function changeOptions(command: Command): Command {
  return command
    .option(
      "--preview",
      "print what the change would do (the plan diff: nodes, resources, price, quota, steps) and change nothing; exit 2 when it would break a quota",
    )
    .option(
      "-w, --watch",
      "follow the change until the environment settles, as env status --watch; exit 1 when it fails",
    )
    .option(
      "--idempotency-key <key>",
      "send this Idempotency-Key (8–200 of A-Z a-z 0-9 _ . : -) instead of a new one: the same command repeated with it within 24 h is answered, not done twice",
    );
}

type ChangePreview = { summary: string; diff: PlanDiff; problems: string[] };

/**
 * One day-2 change from the command line, the same way for every kind: the body checked with the change's schema, the one the
 * server parses (field: message, exit 2, nothing sent), then either its preview (the plan diff, nothing changed)
 * or the change itself with an Idempotency-Key, followed with --watch to its end.
 */
export async function runChange(
  ctx: CommandContext,
  command: Command,
  name: string,
  change: { action: string; schema: z.ZodType },
  body: unknown,
  options: ChangeOptions,
): Promise<void> {
  const checked = change.schema.safeParse(body);
  if (!checked.success) {
    const errors = Object.entries(fieldErrorsFromIssues(checked.error.issues)).map(
      ([field, message]) => `${field}: ${message}`,
    );
    throw new CliError(`The change is not valid; nothing was sent:`, exitCodes.usage, errors);
  }
  if (options.preview && options.watch)
    throw new CliError("--preview changes nothing, so there is nothing to --watch: give one of them.", exitCodes.usage);
  const key = options.idempotencyKey;
  if (key !== undefined && !keyPattern.test(key))
    throw new CliError("--idempotency-key must be 8–200 letters, digits or _ . : -, e.g. a UUID.", exitCodes.usage);
  const json = jsonWanted(command);
  const client = ctx.client();
  const path = environmentPath(name, `/changes/${change.action}`);
  if (options.preview) {
    const preview = await client.json<ChangePreview>("POST", `${path}/preview`, body);
    ctx.io.out(
      json
        ? toJson(preview)
        : `Preview, nothing changed: the change on ${name} ${preview.summary}.\n${formatPlanDiff(preview.diff)}`,
    );
    if (preview.problems.length > 0)
      throw new CliError("This change is not possible on your plan:", exitCodes.usage, preview.problems);
    return;
  }
  const accepted = await client.json<ChangeAccepted>(
    "POST",
    path,
    body,
    key === undefined ? {} : { idempotencyKey: key },
  );
  if (options.watch) {
    // JSON Lines: the answer, then each changed status.
    ctx.io.out(json ? `${JSON.stringify(accepted)}\n` : `Change started on ${name}: ${accepted.summary}.\n`);
    const message = assertSucceeded(await watchStatus(client, name, ctx.io, json));
    if (!json) ctx.io.out(`${message}\n`);
    return;
  }
  if (json) return ctx.io.out(toJson(accepted));
  ctx.io.out(
    `Change started on ${name}: ${accepted.summary}. Follow it with: clusterport env status ${name} --watch\n`,
  );
}
