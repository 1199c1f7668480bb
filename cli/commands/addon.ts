import { Argument, type Command } from "commander";
import { activateAddonsSchema } from "@/lib/validations/activate-addons";
import { remoteApiSchema, removeAddonSchema } from "@/lib/validations/changes";
import type { z } from "@/lib/validations/zod";
import type { CommandContext } from "../command-context";
import { changeOptions, runChange, type ChangeOptions } from "../run-change";

const addons = ["monitoring", "tracing", "remote-api"] as const;
type Addon = (typeof addons)[number];

/** The API's change, body and schema for each: activating takes add-on flags; Remote API is turned off by its own change. */
function change(action: "enable" | "disable", addon: Addon): { action: string; body: Record<string, unknown>; schema: z.ZodType } {
  if (action === "enable") return { action: "addons", body: { [addon === "remote-api" ? "remoteApi" : addon]: true }, schema: activateAddonsSchema };
  if (addon === "remote-api") return { action: "remote-api", body: { enabled: false }, schema: remoteApiSchema };
  return { action: "remove-addon", body: { addon }, schema: removeAddonSchema };
}

export function addAddonCommand(program: Command, ctx: CommandContext): void {
  const addon = program.command("addon").description("turn an add-on of a running cluster on or off (a day-2 change)");
  for (const action of ["enable", "disable"] as const) {
    changeOptions(
      addon
        .command(action)
        .description(`${action} monitoring, tracing or remote-api${action === "disable" ? " (monitoring and tracing lose their data)" : ""}`)
        .argument("<name>", "the environment's name")
        .addArgument(new Argument("<addon>", "the add-on").choices(addons)),
    ).action(async (name: string, which: Addon, options: ChangeOptions, command: Command) => {
      const c = change(action, which);
      await runChange(ctx, command, name, c.action, c.schema, c.body, options);
    });
  }
}
