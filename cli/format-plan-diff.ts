import { formatDuration } from "@/lib/format/format-duration";
import { formatCpu, formatMemory } from "@/lib/format/format-memory";
import { formatMoney } from "@/lib/format/format-money";
import type { PlanDiff } from "@/lib/plan";

const change = (before: string, after: string) => (before === after ? `${after} (unchanged)` : `${before} → ${after}`);

/**
 * A change's plan diff as the change dialog shows it, in lines for a terminal: nodes added and removed,
 * resources and price per month before → after, the quota afterwards, and the steps with their estimates.
 */
export function formatPlanDiff(diff: PlanDiff): string {
  const { nodes, resources, price } = diff;
  const rows: [string, string][] = [["Nodes", change(String(nodes.before), String(nodes.after))]];
  if (nodes.added.length > 0) rows.push(["  adds", nodes.added.map((n) => `${n.id} (${n.group})`).join(", ")]);
  if (nodes.removed.length > 0) rows.push(["  removes", nodes.removed.map((n) => `${n.id} (${n.group})`).join(", ")]);
  rows.push(
    ["Memory", change(formatMemory(resources.before.ramMiB), formatMemory(resources.after.ramMiB))],
    ["CPU", change(formatCpu(resources.before.cpuMHz), formatCpu(resources.after.cpuMHz))],
    ["Disk", change(`${resources.before.diskGb} GB`, `${resources.after.diskGb} GB`)],
    ["Price per month", change(formatMoney(price.before.monthly), formatMoney(price.after.monthly))],
  );
  const width = Math.max(...rows.map(([key]) => key.length));
  const lines = rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`);
  lines.push("Quota afterwards", ...diff.quota.verdicts.map((v) => `  ${v.ok ? "ok  " : "OVER"} ${v.message}`));
  lines.push(`Steps (${diff.steps.length}, about ${formatDuration(diff.estimate.criticalPathSeconds)})`);
  lines.push(...diff.steps.map((s, i) => `  ${i + 1}. ${s.title} · ~${formatDuration(s.estimatedSeconds)}`));
  return `${lines.join("\n")}\n`;
}
