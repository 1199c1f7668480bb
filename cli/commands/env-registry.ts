import type { Command } from "commander";
import { registryCredentialsChange } from "@/lib/changes/registry-credentials/definition";
import { removeRegistryCredentialsChange } from "@/lib/changes/remove-registry-credentials/definition";
import type { CommandContext } from "../command-context";
import { readPassword } from "../read-password";
import { changeOptions, runChange, type ChangeOptions } from "../run-change";

export function addEnvRegistryCommand(env: Command, ctx: CommandContext): void {
  const registry = env
    .command("registry")
    .description("credentials of a private container registry, as an image pull secret in every namespace");
  changeOptions(
    registry
      .command("set")
      .description(
        "set (or replace) the registry credentials; the password is read from stdin or asked without echo, never an argument",
      )
      .argument("<name>", "the environment's name")
      .requiredOption(
        "--registry <host>",
        "the registry's host, optionally with a port, e.g. ghcr.io or registry.example.com:5000",
      )
      .requiredOption("--username <username>", "the registry username")
      .option("--email <email>", "an e-mail address, if the registry wants one")
      .option(
        "--password-stdin",
        "read the password or access token from stdin (all of it, less its final line break)",
      ),
  ).action(
    async (
      name: string,
      options: ChangeOptions & { registry: string; username: string; email?: string; passwordStdin?: boolean },
      command: Command,
    ) => {
      const password = await readPassword(
        ctx.io,
        options.passwordStdin === true,
        `Password or access token for ${options.username}@${options.registry}: `,
      );
      const body = {
        registry: options.registry,
        username: options.username,
        password,
        ...(options.email !== undefined ? { email: options.email } : {}),
      };
      await runChange(ctx, command, name, registryCredentialsChange, body, options);
    },
  );
  changeOptions(
    registry
      .command("remove")
      .description("remove the pull secrets and the stored credentials")
      .argument("<name>", "the environment's name"),
  ).action(async (name: string, options: ChangeOptions, command: Command) => {
    await runChange(ctx, command, name, removeRegistryCredentialsChange, {}, options);
  });
}
