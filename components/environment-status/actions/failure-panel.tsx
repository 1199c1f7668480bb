import { RotateCcw, Undo2 } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatUtc } from "@/lib/format/format-utc";
import type { LogLineView } from "@/lib/live/status-snapshot";
import { stepLogTail } from "../logs/step-log-tail";
import type { Failure } from "./failure-of";

/**
 * Why the operation stopped (role alert): the failing step, the error in words, who can fix it, what to do,
 * the step's last 10 log lines, Retry, and Roll back for a failed change that added nodes. Rendered from the
 * snapshot, so it stays until a new attempt replaces the error.
 */
export function FailurePanel({
  failure,
  operationLabel,
  logs,
  canRetry,
  retrying,
  disabled = false,
  onRetry,
  note,
  rollback,
}: {
  failure: Failure;
  /** "Install", "Delete"… */
  operationLabel: string;
  logs: LogLineView[];
  canRetry: boolean;
  retrying: boolean;
  /** E.g. while another action's request is on its way. */
  disabled?: boolean;
  onRetry(): void;
  /** A sentence under the title, e.g. that the cluster is still running. */
  note?: string;
  /** Offered for a failed change that added nodes. */
  rollback?: { pending: boolean; onRollback(): void };
}) {
  const tail = stepLogTail(logs, failure.stepKey);
  return (
    <Alert
      tone="danger"
      title={`${operationLabel} failed at “${failure.stepTitle}”`}
      action={
        canRetry || rollback ? (
          <div className="flex flex-wrap gap-2">
            {canRetry ? (
              <Button variant="danger" onClick={onRetry} loading={retrying} disabled={disabled}>
                <RotateCcw aria-hidden="true" />
                Retry
              </Button>
            ) : null}
            {rollback ? (
              <Button variant="secondary" onClick={rollback.onRollback} loading={rollback.pending} disabled={disabled}>
                <Undo2 aria-hidden="true" />
                Roll back
              </Button>
            ) : null}
          </div>
        ) : null
      }
    >
      {note ? <p className="mb-1">{note}</p> : null}
      <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
        <dt className="font-medium">Step</dt>
        <dd>
          {failure.stepTitle} <code className="rounded bg-red-100 px-1 font-mono text-xs">{failure.stepKey}</code>
        </dd>
        <dt className="font-medium">What went wrong</dt>
        <dd>{failure.message}</dd>
        <dt className="font-medium">Who can fix it</dt>
        <dd>{failure.fixableBy === "user" ? "You can fix this" : "This is on our side"}</dd>
        <dt className="font-medium">What to do</dt>
        <dd>{failure.action}</dd>
      </dl>
      {tail.length > 0 ? (
        <div className="mt-3">
          <p className="font-medium">Last {tail.length === 1 ? "log line" : `${tail.length} log lines`} of this step</p>
          <ol
            aria-label="Last log lines of the failed step"
            className="mt-1 overflow-x-auto rounded bg-slate-950 p-2 font-mono text-xs leading-5 text-slate-100"
          >
            {tail.map((line) => (
              <li key={line.id} className="whitespace-pre-wrap">
                <span className="text-slate-500">{formatUtc(line.at, { timeOnly: true })}</span> {line.message}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </Alert>
  );
}
