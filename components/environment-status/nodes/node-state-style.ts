import type { NodeView } from "@/lib/live/status-snapshot";

export type NodeStateStyle = { label: string; className: string };

/** Every look a node can have in the topology picture, in legend order. */
export const nodeStateStyles = {
  planned: { label: "Not created yet", className: "border-dashed border-slate-300 bg-white text-slate-500" },
  created: { label: "Created", className: "border-slate-300 bg-slate-100 text-slate-700" },
  booting: { label: "Booting", className: "border-amber-300 bg-amber-50 text-amber-900" },
  notReady: { label: "Running, not Ready", className: "border-sky-300 bg-sky-50 text-sky-900" },
  running: { label: "Running", className: "border-emerald-400 bg-emerald-50 text-emerald-900" },
  removed: { label: "Removed", className: "border-slate-200 bg-slate-50 text-slate-400 line-through" },
} as const satisfies Record<string, NodeStateStyle>;

/** How a planned node looks given its machine (undefined: not created yet). */
export function nodeStateStyle(node: Pick<NodeView, "state" | "ready"> | undefined): NodeStateStyle {
  if (!node) return nodeStateStyles.planned;
  switch (node.state) {
    case "created":
      return nodeStateStyles.created;
    case "booting":
      return nodeStateStyles.booting;
    case "running":
      return node.ready === false ? nodeStateStyles.notReady : nodeStateStyles.running;
    case "removed":
      return nodeStateStyles.removed;
    default:
      return { label: node.state, className: nodeStateStyles.created.className };
  }
}
