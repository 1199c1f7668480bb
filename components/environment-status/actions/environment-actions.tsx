"use client";

import { Ban, ExternalLink, RotateCcw, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import type { AvailableActions } from "./available-actions";
import type { EnvironmentAction } from "./use-environment-action";

/** The header's buttons for what applies in this state: Cancel, Retry, Delete (a dialog), Open in browser. */
export function EnvironmentActions({
  can,
  clusterUrl,
  action,
  onDelete,
}: {
  can: AvailableActions;
  clusterUrl: string;
  action: EnvironmentAction;
  /** Opens the delete confirmation. */
  onDelete(): void;
}) {
  if (!(can.open || can.retry || can.cancel || can.delete)) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {can.open ? (
        <a
          href={clusterUrl}
          target="_blank"
          rel="noopener noreferrer"
          className={buttonVariants({ variant: "secondary" })}
        >
          <ExternalLink aria-hidden="true" />
          Open in browser
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : null}
      {can.retry ? (
        <Button
          variant="primary"
          onClick={() => void action.run("retry")}
          loading={action.pending === "retry"}
          disabled={action.busy}
        >
          <RotateCcw aria-hidden="true" />
          Retry
        </Button>
      ) : null}
      {can.cancel ? (
        <Button
          variant="secondary"
          onClick={() => void action.run("cancel")}
          loading={action.pending === "cancel"}
          disabled={action.busy}
        >
          <Ban aria-hidden="true" />
          Cancel install
        </Button>
      ) : null}
      {can.delete ? (
        <Button variant="danger" onClick={onDelete} disabled={action.busy}>
          <Trash2 aria-hidden="true" />
          Delete
        </Button>
      ) : null}
    </div>
  );
}
