import { memo } from "react";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableColumnHeads,
  TableEmptyRow,
  TableHead,
  TableRow,
} from "@/components/ui/table";
import { formatUtc } from "@/lib/format/format-utc";
import type { FeedEvent, OperationView } from "@/lib/live/status-snapshot";
import { operationLabels } from "../operation-labels";
import { StatusSection } from "../status-section";

/** How many of the live events to list. */
const recentCount = 15;

function outcome(operation: OperationView): string {
  const status = operationLabels.status[operation.status];
  if (operation.finishedAt === null) return status;
  const at = formatUtc(operation.finishedAt);
  if (operation.status === "failed" && operation.error)
    return `${status} at ${at}: ${operation.error.stepTitle}: ${operation.error.message}`;
  return `${status} at ${at}`;
}

/** Every operation (who started it, when, how it ended), then the latest events received live. */
export const ActivitySection = memo(function ActivitySection({
  operations,
  changes,
}: {
  operations: OperationView[];
  changes: FeedEvent[];
}) {
  const recent = changes.slice(-recentCount).reverse();
  return (
    <StatusSection id="activity" title="Activity">
      <div className="flex flex-col gap-4">
        <div className="overflow-x-auto">
          <Table className="w-full text-sm">
            <TableCaption className="sr-only">Operations on this environment, newest first</TableCaption>
            <TableColumnHeads names={["Operation", "Started by", "Requested", "Result"]} />
            <TableBody>
              {operations.length === 0 ? (
                <TableEmptyRow columns={4}>No operations yet.</TableEmptyRow>
              ) : (
                operations.map((operation) => (
                  <TableRow key={operation.id} className="border-t border-slate-100 align-top">
                    <TableHead scope="row" className="py-1.5 pr-3 font-medium">
                      {operationLabels.type[operation.type]}
                      {operation.summary ? (
                        <span className="block font-normal text-slate-600">{operation.summary}</span>
                      ) : null}
                    </TableHead>
                    <TableCell className="py-1.5 pr-3">{operation.actor ?? "Clusterport (automatic)"}</TableCell>
                    <TableCell className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                      <time dateTime={operation.createdAt}>{formatUtc(operation.createdAt)}</time>
                    </TableCell>
                    <TableCell className="py-1.5">{outcome(operation)}</TableCell>
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </div>
        {recent.length > 0 ? (
          <div>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Latest events</h3>
            <ol className="flex flex-col gap-1 text-xs">
              {recent.map((event) => (
                <li key={event.id} className="flex gap-2">
                  <time dateTime={event.createdAt} className="shrink-0 text-slate-500 tabular-nums">
                    {formatUtc(event.createdAt, { timeOnly: true })}
                  </time>
                  <span>{event.message}</span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>
    </StatusSection>
  );
});
