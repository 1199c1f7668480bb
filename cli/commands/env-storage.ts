import type { Command } from "commander";
import { addStorageChange } from "@/lib/changes/add-storage/definition";
import type { CommandContext } from "../command-context";
import { changeOptions, runChange, type ChangeOptions } from "../run-change";

export function addEnvStorageCommand(env: Command, ctx: CommandContext): void {
  const storage = env.command("storage").description("a running cluster's NFS storage");
  changeOptions(
    storage
      .command("add")
      .description(
        "add NFS storage: storage nodes, /data on every node and the default StorageClass (the topology decides the nodes)",
      )
      .argument("<name>", "the environment's name"),
  ).action(async (name: string, options: ChangeOptions, command: Command) => {
    await runChange(ctx, command, name, addStorageChange, {}, options);
  });
}
