import type { Command } from "commander";
import type { EnvironmentListItem, Page } from "../api-types";
import type { CommandContext } from "../command-context";
import { formatAge } from "../format-age";
import { formatTable } from "../format-table";
import { jsonWanted, toJson } from "../json-output";

export function addEnvListCommand(env: Command, ctx: CommandContext): void {
  env
    .command("list")
    .description("list your environments (every page), newest first")
    .action(async (_options: object, command: Command) => {
      const client = ctx.client();
      const items: EnvironmentListItem[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
        const page: Page<EnvironmentListItem> = await client.json("GET", `/environments?limit=200${query}`);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      // One page holding everything: the API's list shape, with nothing left to follow.
      if (jsonWanted(command)) return ctx.io.out(toJson({ items, nextCursor: null }));
      if (items.length === 0)
        return ctx.io.err("No environments yet: create one with `clusterport env create --file settings.yaml`.\n");
      const now = ctx.io.now();
      const rows = items.map((e) => [
        e.name,
        e.status,
        e.version,
        e.topology,
        String(e.nodes),
        e.region.id,
        formatAge(new Date(e.createdAt), now),
      ]);
      ctx.io.out(formatTable(["NAME", "STATUS", "VERSION", "TOPOLOGY", "NODES", "REGION", "AGE"], rows));
    });
}
