import { Badge } from "@/components/ui/badge";
import { environmentStatusLabels, type EnvironmentStatus } from "@/lib/environments/environment-status";

export function StatusBadge({ status }: { status: EnvironmentStatus }) {
  const { label, tone } = environmentStatusLabels[status];
  return <Badge tone={tone}>{label}</Badge>;
}
