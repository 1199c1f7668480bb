import type { Command } from "commander";
import type { Catalog } from "../api-types";
import type { CommandContext } from "../command-context";
import { formatTable } from "../format-table";
import { jsonWanted, toJson } from "../json-output";

const mark = (isDefault: boolean) => (isDefault ? "yes" : "");

/** The catalogue as tables, one per install field, each headed by the field it fills. */
function describeCatalog(c: Catalog): string {
  const sections: [string, string][] = [
    [
      "Regions (region)",
      formatTable(
        ["ID", "NAME", "LOCATION", "DOMAIN", "AVAILABLE"],
        c.regions.map((r) => [
          r.id,
          r.name,
          r.location,
          r.domain,
          r.available ? "yes" : `no: ${r.unavailableReason ?? "closed"}`,
        ]),
      ),
    ],
    [
      "Kubernetes versions (version)",
      formatTable(
        ["ID", "MINOR", "RELEASED", "DEFAULT"],
        c.kubernetesVersions.map((v) => [v.id, v.minor, v.releasedOn, mark(v.default)]),
      ),
    ],
    [
      "Topologies (topology)",
      formatTable(
        ["ID", "NAME", "MIN WORKERS", "SUMMARY"],
        c.topologies.map((t) => [t.id, t.name, String(t.minWorkers), t.summary]),
      ),
    ],
    [
      "Ingress controllers (ingress)",
      formatTable(
        ["ID", "NAME", "VERSION", "DEFAULT"],
        c.ingressControllers.map((i) => [i.id, i.name, i.version, mark(i.default)]),
      ),
    ],
    [
      "Dashboards (dashboard)",
      formatTable(
        ["ID", "NAME", "VERSION", "DEFAULT"],
        c.dashboards.map((d) => [d.id, d.name, d.version, mark(d.default)]),
      ),
    ],
    [
      "Add-ons (addons.<id>: true)",
      formatTable(
        ["ID", "NAME", "NEEDS STORAGE", "DESCRIPTION"],
        c.addons.map((a) => [a.id, a.name, a.requiresStorage ? "yes" : "no", a.description]),
      ),
    ],
  ];
  return `${sections.map(([title, table]) => `${title}\n${table}`).join("\n")}\nAt most ${c.maxWorkersAtInstall} workers at install (workers); scale out later for more.\n`;
}

export function addCatalogCommand(program: Command, ctx: CommandContext): void {
  program
    .command("catalog")
    .description(
      "list what an install can choose from: regions, Kubernetes versions, topologies, ingress controllers, dashboards, add-ons (the ids a settings file takes)",
    )
    .action(async (_options: object, command: Command) => {
      const catalog = await ctx.client().json<Catalog>("GET", "/catalog");
      ctx.io.out(jsonWanted(command) ? toJson(catalog) : describeCatalog(catalog));
    });
}
