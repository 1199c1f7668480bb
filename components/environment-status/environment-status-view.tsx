"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { isChangeType } from "@/lib/environments/operation-types";
import type { LogLineView, StatusSnapshot } from "@/lib/live/status-snapshot";
import type { EnvironmentPlan } from "@/lib/plan";
import { availableActions } from "./actions/available-actions";
import { DeleteEnvironmentDialog } from "./actions/delete-environment-dialog";
import { EnvironmentActions } from "./actions/environment-actions";
import { failureOf } from "./actions/failure-of";
import { FailurePanel } from "./actions/failure-panel";
import { useEnvironmentAction } from "./actions/use-environment-action";
import { ActivitySection } from "./activity/activity-section";
import { ChangesSection } from "./changes/changes-section";
import { CredentialsSection } from "./credentials/credentials-section";
import { EndpointsSection } from "./endpoints/endpoints-section";
import { EnvironmentHeader } from "./environment-header";
import { HealthSection } from "./health/health-section";
import { useEnvironmentFeed } from "./live/use-environment-feed";
import { useServerNow } from "./live/use-server-now";
import { LogsSection } from "./logs/logs-section";
import { NodesSection } from "./nodes/nodes-section";
import { operationLabels } from "./operation-labels";
import { PlanPanel } from "./plan-panel/plan-panel";
import { ProgressSection } from "./progress/progress-section";
import { WorkloadsSection } from "./workloads/workloads-section";

/** The status page of one environment, kept live by the feed. */
export function EnvironmentStatusView({
  initial,
  initialLogs,
  installPlan,
  timeScale,
}: {
  initial: StatusSnapshot;
  initialLogs: LogLineView[];
  /** The plan the environment was installed with: the side panel shows it until the cluster first runs. */
  installPlan: EnvironmentPlan;
  /** The engine's time scale, for the estimates in change dialogs. */
  timeScale: number;
}) {
  const { snapshot, logs, loadEarlier, changes, connection } = useEnvironmentFeed(
    initial.environment.name,
    initial,
    initialLogs,
  );
  const now = useServerNow(snapshot.serverTime);
  const environment = snapshot.environment;
  const action = useEnvironmentAction(environment.name, environment.status);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const operation = snapshot.operations[0];
  const can = availableActions(environment.status, operation);
  // A failed change leaves the cluster running: its failure shows until it is retried or rolled back.
  const failedChange = environment.status === "running" && operation !== undefined && isChangeType(operation.type);
  const failure = environment.status === "failed" || failedChange ? failureOf(operation, snapshot.steps) : null;
  const results = environment.status === "running" || environment.status === "updating" ? snapshot.results : null;
  const endpoints = snapshot.results?.endpoints ?? snapshot.plan.endpoints;

  return (
    <div className="flex flex-col gap-6">
      <EnvironmentHeader
        environment={environment}
        connection={connection}
        actions={
          <EnvironmentActions
            can={can}
            clusterUrl={endpoints.cluster}
            action={action}
            onDelete={() => {
              action.clearError();
              setDeleteOpen(true);
            }}
          />
        }
      />
      <DeleteEnvironmentDialog
        open={deleteOpen}
        onOpenChange={(open) => {
          if (!open) action.clearError();
          setDeleteOpen(open);
        }}
        name={environment.name}
        displayName={environment.displayName}
        deleting={action.pending === "delete"}
        error={deleteOpen ? action.error : null}
        onConfirm={async () => {
          if (await action.run("delete")) setDeleteOpen(false);
        }}
      />
      {action.error && !deleteOpen ? (
        <Alert
          tone="danger"
          title="That did not work"
          action={
            <Button variant="ghost" size="sm" onClick={action.clearError}>
              Dismiss
            </Button>
          }
        >
          {action.error}
        </Alert>
      ) : null}
      {failure && operation ? (
        <FailurePanel
          failure={failure}
          operationLabel={operationLabels.type[operation.type]}
          logs={logs}
          canRetry={can.retry}
          retrying={action.pending === "retry"}
          disabled={action.busy}
          onRetry={() => void action.run("retry")}
          note={
            failedChange ? "The cluster is still running; what this change did not reach works as before." : undefined
          }
          rollback={
            can.rollback
              ? { pending: action.pending === "rollback", onRollback: () => void action.run("rollback") }
              : undefined
          }
        />
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="flex min-w-0 flex-col gap-6">
          <ProgressSection snapshot={snapshot} now={now} />
          <NodesSection nodes={snapshot.nodes} groups={snapshot.plan.nodeGroups} />
          {environment.status === "running" || environment.status === "updating" ? (
            <WorkloadsSection workloads={snapshot.workloads} />
          ) : null}
          <LogsSection
            name={environment.name}
            logs={logs}
            total={snapshot.lastLogId}
            onLoadEarlier={loadEarlier}
            steps={snapshot.steps}
            nodes={snapshot.nodes}
          />
          <ActivitySection operations={snapshot.operations} changes={changes} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          {environment.status === "running" || environment.status === "updating" ? (
            <ChangesSection snapshot={snapshot} blocked={can.changeBlocked} timeScale={timeScale} />
          ) : null}
          {results ? (
            <>
              <HealthSection health={results.health} />
              <EndpointsSection endpoints={results.endpoints} ingressAddress={environment.ingressAddress} />
              <CredentialsSection
                name={environment.name}
                credentials={snapshot.credentials}
                remoteApi={environment.addons.remoteApi}
              />
            </>
          ) : null}
          <PlanPanel snapshot={snapshot} installPlan={installPlan} timeScale={timeScale} />
        </div>
      </div>
    </div>
  );
}
