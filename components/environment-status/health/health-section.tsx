import { CircleCheck, CircleMinus, CircleX } from "lucide-react";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HealthLine } from "@/lib/engine";
import { StatusSection } from "../status-section";

const looks = {
  OK: { Icon: CircleCheck, className: "text-emerald-700" },
  FAIL: { Icon: CircleX, className: "text-red-700" },
  "Not enabled": { Icon: CircleMinus, className: "text-slate-500" },
} as const;

/** The install's health check: component → OK / FAIL / Not enabled. */
export function HealthSection({ health }: { health: HealthLine[] }) {
  return (
    <StatusSection id="health" title="Health">
      <Table className="w-full text-sm">
        <TableCaption className="sr-only">Cluster health check report</TableCaption>
        <TableHeader className="text-xs text-slate-500">
          <TableRow>
            <TableHead className="py-1">Component</TableHead>
            <TableHead className="py-1">Status</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {health.map((line) => {
            const { Icon, className } = looks[line.status] ?? looks["Not enabled"];
            return (
              <TableRow key={line.component} className="border-t border-slate-100">
                <TableHead scope="row" className="py-1.5 pr-3 font-normal">
                  {line.component}
                  {line.detail ? <span className="block text-xs text-slate-500">{line.detail}</span> : null}
                </TableHead>
                <TableCell className={`py-1.5 font-medium whitespace-nowrap ${className}`}>
                  <span className="inline-flex items-center gap-1">
                    <Icon aria-hidden="true" className="size-4" />
                    {line.status}
                  </span>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </StatusSection>
  );
}
