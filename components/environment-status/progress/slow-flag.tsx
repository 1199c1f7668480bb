import { Snail } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** Marks a step running longer than 1.5 × its estimate. */
export function SlowFlag() {
  return (
    <Badge tone="warning" title="Running longer than 1.5 × its estimate">
      <Snail aria-hidden="true" />
      Slow<span className="sr-only">: running longer than 1.5 times its estimate</span>
    </Badge>
  );
}
