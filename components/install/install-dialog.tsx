"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogContent } from "@/components/ui/dialog-content";
import { readApiErrorDetail } from "@/lib/api-v1/read-api-error";
import { regions, type AccountPlan, type AppPackage } from "@/lib/catalog";
import { assessTopologies, computePlan } from "@/lib/plan";
import { isEnvironmentName } from "@/lib/validations/environment-name";
import {
  defaultInstallSettings,
  installSettingsSchema,
  type InstallSettings,
} from "@/lib/validations/install-settings";
import { NameHelp } from "./name-help";
import { PlanSummary } from "./plan-summary";
import { AddonsSection } from "./sections/addons-section";
import { DeploymentSection } from "./sections/deployment-section";
import { EnvironmentNameSection } from "./sections/environment-name-section";
import { StorageSection } from "./sections/storage-section";
import { TopologySection } from "./sections/topology-section";
import { VersionDashboardSection } from "./sections/version-dashboard-section";
import { WorkersIngressSection } from "./sections/workers-ingress-section";
import { useNameAvailability } from "./use-name-availability";

type Props = {
  app: AppPackage;
  accountPlan: AccountPlan;
  environmentsInUse: number;
  suggestedName: string;
  defaultRegion: string;
  timeScale: number;
  /** Where kubectl will reach the cluster's API, with `<cluster id>` for the id it does not have yet. */
  kubernetesApi: string;
};

const formId = "install-form";

export function InstallDialog({
  app,
  accountPlan,
  environmentsInUse,
  suggestedName,
  defaultRegion,
  timeScale,
  kubernetesApi,
}: Props) {
  const router = useRouter();
  // One idempotency key per attempt: a double submit or a retried request returns the same environment. API v1
  // keeps a refused answer for its key too, so once the server has refused, the corrected settings take a new key.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const quota = useMemo(() => ({ plan: accountPlan, environmentsInUse }), [accountPlan, environmentsInUse]);
  const availability = useMemo(() => assessTopologies(quota), [quota]);
  const locked = availability.every((a) => !a.available);
  const lockReasons = [...new Set(availability.flatMap((a) => a.reasons))];
  const production = availability.find((a) => a.topology === "production")!;

  const form = useForm<InstallSettings>({
    resolver: zodResolver(installSettingsSchema),
    defaultValues: defaultInstallSettings(suggestedName, defaultRegion),
    // Every rule of the schema shows as the person types, not only after the field loses focus.
    mode: "onChange",
  });
  const { control, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting, isSubmitSuccessful } = formState;
  const values = useWatch({ control }) as InstallSettings;

  // The plan takes the values as typed: it shows a placeholder domain for an invalid name and says in its
  // verdicts what is over a limit, rather than drawing a cluster other than the one asked for.
  const plan = useMemo(() => computePlan(values, quota), [values, quota]);

  const nameValid = isEnvironmentName(values.name);
  const nameCheck = useNameAvailability(values.name ?? "", values.region, nameValid && !locked);
  const region = regions.find((r) => r.id === values.region);

  const close = () => router.push("/marketplace");

  const onSubmit = handleSubmit(async (settings) => {
    setFormError(null);
    let res: Response;
    try {
      res = await fetch("/api/v1/environments", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": requestId },
        body: JSON.stringify(settings),
      });
    } catch {
      setFormError(
        "Could not reach Clusterport. Check your connection and press Install again; nothing is created twice.",
      );
      return;
    }
    if (res.ok) {
      const body = (await res.json()) as { name: string };
      router.push(`/environments/${encodeURIComponent(body.name)}`);
      return;
    }
    setRequestId(crypto.randomUUID());
    const { message, fieldErrors } = await readApiErrorDetail(res);
    for (const [path, fieldMessage] of Object.entries(fieldErrors)) {
      setError(path as FieldPath<InstallSettings>, { message: fieldMessage }, { shouldFocus: true });
    }
    if (Object.keys(fieldErrors).length === 0) setFormError(message);
  });

  const err = (path: string): string | undefined => {
    let node: unknown = errors;
    for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };

  const nameHelp = <NameHelp domain={region ? plan.domain : ""} check={nameCheck} />;
  const section = { form, err, locked };

  return (
    <Dialog open onOpenChange={(open) => !open && close()}>
      <DialogContent
        size="xl"
        title={`Install ${app.name}`}
        description={app.description}
        onEscapeKeyDown={(e) => isSubmitting && e.preventDefault()}
        onInteractOutside={(e) => isSubmitting && e.preventDefault()}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button
              type="submit"
              form={formId}
              loading={isSubmitting || isSubmitSuccessful}
              disabled={locked || isSubmitting || isSubmitSuccessful}
            >
              Install
            </Button>
          </>
        }
      >
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
          <form id={formId} onSubmit={onSubmit} noValidate className="space-y-5">
            {locked ? (
              <Alert tone="warning" title="Not available on your plan">
                {lockReasons.join(" ")}{" "}
                <a href="/account" className="font-medium underline">
                  Change plan
                </a>
              </Alert>
            ) : null}
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <fieldset disabled={locked} className="space-y-5 disabled:opacity-70">
              <VersionDashboardSection {...section} />
              <TopologySection {...section} workers={values.workers} production={production} />
              <WorkersIngressSection {...section} topology={values.topology} />
              <DeploymentSection {...section} deployment={values.deployment} />
              <StorageSection {...section} topology={values.topology} />
              <AddonsSection {...section} storage={values.storage} kubernetesApi={kubernetesApi} />
              <EnvironmentNameSection {...section} nameHelp={nameHelp} />
            </fieldset>
          </form>
          <PlanSummary plan={plan} timeScale={timeScale} />
        </div>
      </DialogContent>
    </Dialog>
  );
}
