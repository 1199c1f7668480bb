import { Argument, type Command } from "commander";
import type { ChangeAccepted } from "../api-types";
import type { CommandContext } from "../command-context";
import { environmentPath } from "../environment-path";
import { jsonWanted, toJson } from "../json-output";

const addons = ["monitoring", "tracing", "remote-api"] as const;
type Addon = (typeof addons)[number];

/** The API's change and body for each: activating takes add-on flags; Remote API is turned off by its own change. */
function change(action: "enable" | "disable", addon: Addon): { path: string; body: Record<string, unknown> } {
  if (action === "enable") return { path: "/changes/addons", body: { [addon === "remote-api" ? "remoteApi" : addon]: true } };
  if (addon === "remote-api") return { path: "/changes/remote-api", body: { enabled: false } };
  return { path: "/changes/remove-addon", body: { addon } };
}

export function addAddonCommand(program: Command, ctx: CommandContext): void {
  const addon = program.command("addon").description("turn an add-on of a running cluster on or off (a day-2 change)");
  for (const action of ["enable", "disable"] as const) {
    addon
      .command(action)
      .description(`${action} monitoring, tracing or remote-api${action === "disable" ? " (monitoring and tracing lose their data)" : ""}`)
      .argument("<name>", "the environment's name")
      .addArgument(new Argument("<addon>", "the add-on").choices(addons))
      .action(async (name: string, which: Addon, _options: object, command: Command) => {
        const { path, body } = change(action, which);
        const accepted = await ctx.client().json<ChangeAccepted>("POST", environmentPath(name, path), body);
        if (jsonWanted(command)) return ctx.io.out(toJson(accepted));
        // The summary is a phrase such as "activates Remote API access".
        ctx.io.out(`Change started on ${name}: ${accepted.summary}. Follow it with: clusterport env status ${name} --watch\n`);
      });
  }
}
