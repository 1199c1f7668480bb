import { Argument, type Command } from "commander";
import { addonsChange } from "@/lib/changes/addons/definition";
import { remoteApiChange } from "@/lib/changes/remote-api/definition";
import { removeAddonChange } from "@/lib/changes/remove-addon/definition";
import type { z } from "@/lib/validations/zod";
import type { CommandContext } from "../command-context";
import { changeOptions, runChange, type ChangeOptions } from "../run-change";

const addons = ["monitoring", "tracing", "remote-api"] as const;
type Addon = (typeof addons)[number];

/** The change and its body for each: activating takes add-on flags; Remote API is turned off by its own change. */
function change(
  action: "enable" | "disable",
  addon: Addon,
): { change: { action: string; schema: z.ZodType }; body: Record<string, unknown> } {
  if (action === "enable")
    return { change: addonsChange, body: { [addon === "remote-api" ? "remoteApi" : addon]: true } };
  if (addon === "remote-api") return { change: remoteApiChange, body: { enabled: false } };
  return { change: removeAddonChange, body: { addon } };
}

export function addAddonCommand(program: Command, ctx: CommandContext): void {
  const addon = program.command("addon").description("turn an add-on of a running cluster on or off (a day-2 change)");
  for (const action of ["enable", "disable"] as const) {
    changeOptions(
      addon
        .command(action)
        .description(
          `${action} monitoring, tracing or remote-api${action === "disable" ? " (monitoring and tracing lose their data)" : ""}`,
        )
        .argument("<name>", "the environment's name")
        .addArgument(new Argument("<addon>", "the add-on").choices(addons)),
    ).action(async (name: string, which: Addon, options: ChangeOptions, command: Command) => {
      const c = change(action, which);
      await runChange(ctx, command, name, c.change, c.body, options);
    });
  }
}
