import type { NodeView } from "@/lib/live/status-snapshot";

/**
 * The machines the Nodes table lists: every one that exists. A machine removed by a scale-in or a delete
 * keeps its row in the database as history (and its look in the topology picture while its node is still
 * planned), but it is gone, so the table drops it.
 */
export function tableNodes(nodes: readonly NodeView[]): NodeView[] {
  return nodes.filter((n) => n.state !== "removed");
}
