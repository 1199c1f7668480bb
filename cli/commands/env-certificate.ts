import type { Command } from "commander";
import { certificateChange } from "@/lib/changes/certificate/definition";
import { removeCertificateChange } from "@/lib/changes/remove-certificate/definition";
import type { CommandContext } from "../command-context";
import { changeOptions, runChange, type ChangeOptions } from "../run-change";

export function addEnvCertificateCommand(env: Command, ctx: CommandContext): void {
  const certificate = env
    .command("certificate")
    .description("serve a domain of yours with a Let's Encrypt certificate (cert-manager), or stop");
  changeOptions(
    certificate
      .command("set")
      .description("serve a domain with a certificate; a new domain replaces the old one")
      .argument("<name>", "the environment's name")
      .requiredOption("--domain <domain>", "the domain, e.g. app.example.com, whose DNS points at the cluster"),
  ).action(async (name: string, options: ChangeOptions & { domain: string }, command: Command) => {
    await runChange(ctx, command, name, certificateChange, { domain: options.domain }, options);
  });
  changeOptions(
    certificate
      .command("remove")
      .description("stop serving the domain and remove its certificate (cert-manager stays)")
      .argument("<name>", "the environment's name"),
  ).action(async (name: string, options: ChangeOptions, command: Command) => {
    await runChange(ctx, command, name, removeCertificateChange, {}, options);
  });
}
