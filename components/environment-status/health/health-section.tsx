import { CircleCheck, CircleMinus, CircleX } from "lucide-react";
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
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Cluster health check report</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">Component</th>
            <th scope="col" className="py-1 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {health.map((line) => {
            const { Icon, className } = looks[line.status] ?? looks["Not enabled"];
            return (
              <tr key={line.component} className="border-t border-slate-100">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  {line.component}
                  {line.detail ? <span className="block text-xs text-slate-500">{line.detail}</span> : null}
                </th>
                <td className={`py-1.5 font-medium whitespace-nowrap ${className}`}>
                  <span className="inline-flex items-center gap-1">
                    <Icon aria-hidden="true" className="size-4" />
                    {line.status}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </StatusSection>
  );
}
