import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCpu, formatMemory } from "@/lib/format/format-memory";
import { formatMoney } from "@/lib/format/format-money";
import { describeRequests, type EnvironmentPlan } from "@/lib/plan";
import { TopologyPicture } from "./topology-picture";

export type PlanResourcesProps = {
  plan: Pick<EnvironmentPlan, "nodeGroups" | "totals" | "price" | "addonRequests">;
  /** False where the cluster costs nothing (deleted). */
  showPrice?: boolean;
};

/**
 * What a plan builds and what it costs: node groups, the topology, totals, price, and what the add-ons
 * request of the workers. Shared by the install dialog's plan and the status page's cluster panel.
 */
export function PlanResources({ plan, showPrice = true }: PlanResourcesProps) {
  const requests = plan.addonRequests;
  return (
    <>
      <section aria-label="Node groups">
        <Table className="w-full text-xs">
          <TableCaption className="sr-only">Node groups</TableCaption>
          <TableHeader className="text-slate-500">
            <TableRow>
              <TableHead className="py-1">Node group</TableHead>
              <TableHead className="py-1 text-right">Nodes</TableHead>
              <TableHead className="py-1 text-right">Per node</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.nodeGroups.map((g) => (
              <TableRow key={g.id} className="border-t border-slate-200">
                <TableHead scope="row" className="py-1.5 font-medium">
                  {g.name}
                  {g.note ? <span className="block font-normal text-slate-500">{g.note}</span> : null}
                </TableHead>
                <TableCell className="py-1.5 text-right tabular-nums">{g.count}</TableCell>
                <TableCell className="py-1.5 text-right text-slate-600">
                  {g.reservedCloudlets} cl · {formatMemory(g.ramMiB)} · {formatCpu(g.cpuMHz)} · {g.diskGb} GB
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <TopologyPicture groups={plan.nodeGroups} />

      <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
        <dt className="text-slate-500">Nodes</dt>
        <dd className="text-right font-medium tabular-nums">{plan.totals.nodes}</dd>
        <dt className="text-slate-500">Cloudlets</dt>
        <dd className="text-right tabular-nums">
          {plan.totals.reservedCloudlets} <span className="text-slate-500">(up to {plan.totals.cloudletLimit})</span>
        </dd>
        <dt className="text-slate-500">RAM</dt>
        <dd className="text-right tabular-nums">{formatMemory(plan.totals.ramMiB)}</dd>
        <dt className="text-slate-500">Disk</dt>
        <dd className="text-right tabular-nums">{plan.totals.diskGb} GB</dd>
        {showPrice ? (
          <>
            <dt className="text-slate-500">Price per hour</dt>
            <dd className="text-right font-medium tabular-nums">{formatMoney(plan.price.hourly, 4)}</dd>
            <dt className="text-slate-500">Price per month</dt>
            <dd className="text-right font-semibold tabular-nums" data-testid="plan-monthly-price">
              {formatMoney(plan.price.monthly)}
            </dd>
            <dt className="col-span-2 text-xs text-slate-500">
              Up to {formatMoney(plan.price.monthlyAtLimit)} per month if every node scales to its limit.
            </dt>
          </>
        ) : null}
      </dl>

      {requests ? (
        <section aria-labelledby="addon-requests-heading">
          <h4 id="addon-requests-heading" className="mb-1 font-medium">
            Add-ons on the workers
          </h4>
          <ul className="space-y-0.5 text-xs" aria-label="What the add-ons request of the workers">
            {requests.addons.map((a) => (
              <li key={a.id} className="flex justify-between gap-2">
                <span>{a.name}</span>
                <span className="text-slate-600 tabular-nums">requests {describeRequests(a)}</span>
              </li>
            ))}
          </ul>
          <p className={requests.fits ? "mt-1 text-xs text-slate-500" : "mt-1 text-xs font-medium text-red-700"}>
            {requests.fits
              ? `The ${requests.workers.count === 1 ? "worker gives" : `${requests.workers.count} workers give`} ${describeRequests(requests.workers)}.`
              : `The workers (${describeRequests(requests.workers)}) have no room for ${requests.unplaced.join(", ")}: add workers or use bigger ones.`}
          </p>
        </section>
      ) : null}
    </>
  );
}
