"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { DialogContent } from "@/components/ui/dialog-content";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import {
  addons,
  dashboards,
  ingressControllers,
  kubernetesVersions,
  maxWorkersAtInstall,
  regions,
  topologies,
  type AccountPlan,
  type AppPackage,
  type TopologyId,
} from "@/lib/catalog";
import { assessTopologies, computePlan } from "@/lib/plan";
import {
  defaultInstallSettings,
  installSettingsSchema,
  type InstallSettings,
} from "@/lib/validations/install-settings";
import { CustomDeploymentFields } from "./custom-deployment-fields";
import { NameHelp } from "./name-help";
import { PlanSummary } from "./plan-summary";
import { useNameAvailability } from "./use-name-availability";

type Props = {
  app: AppPackage;
  accountPlan: AccountPlan;
  environmentsInUse: number;
  suggestedName: string;
  defaultRegion: string;
  timeScale: number;
};

type ApiError = { error: { code: string; message: string; fieldErrors?: Record<string, string> } };

const formId = "install-form";

export function InstallDialog({ app, accountPlan, environmentsInUse, suggestedName, defaultRegion, timeScale }: Props) {
  const router = useRouter();
  // One idempotency key per dialog: a double submit or a retried request returns the same environment.
  const [requestId] = useState(() => crypto.randomUUID());
  const [formError, setFormError] = useState<string | null>(null);
  const quota = useMemo(() => ({ plan: accountPlan, environmentsInUse }), [accountPlan, environmentsInUse]);
  const availability = useMemo(() => assessTopologies(quota), [quota]);
  const locked = availability.every((a) => !a.available);
  const lockReasons = [...new Set(availability.flatMap((a) => a.reasons))];
  const production = availability.find((a) => a.topology === "production")!;

  const form = useForm<InstallSettings>({
    resolver: zodResolver(installSettingsSchema),
    defaultValues: defaultInstallSettings(suggestedName, defaultRegion),
    mode: "onTouched",
  });
  const { control, register, handleSubmit, setValue, setError, formState } = form;
  const { errors, isSubmitting, isSubmitSuccessful } = formState;
  const values = useWatch({ control }) as InstallSettings;

  const plan = useMemo(() => {
    const topology = topologies[values.topology] ?? topologies.development;
    const workers = Number.isFinite(values.workers)
      ? Math.min(Math.max(values.workers, topology.minWorkers), maxWorkersAtInstall)
      : topology.minWorkers;
    return computePlan({ ...values, workers, name: values.name || "name" }, quota);
  }, [values, quota]);

  const nameValid = !errors.name && /^[a-z][a-z0-9-]{2,39}$/.test(values.name ?? "");
  const nameCheck = useNameAvailability(values.name ?? "", values.region, nameValid && !locked);
  const region = regions.find((r) => r.id === values.region);

  const close = () => router.push("/marketplace");

  const onSubmit = handleSubmit(async (settings) => {
    setFormError(null);
    let res: Response;
    try {
      res = await fetch("/api/environments", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": requestId },
        body: JSON.stringify(settings),
      });
    } catch {
      setFormError("Could not reach Clusterport. Check your connection and press Install again; nothing is created twice.");
      return;
    }
    if (res.ok) {
      const body = (await res.json()) as { environment: { url: string } };
      router.push(body.environment.url);
      return;
    }
    const body = (await res.json().catch(() => null)) as ApiError | null;
    const fieldErrors = body?.error.fieldErrors ?? {};
    for (const [path, message] of Object.entries(fieldErrors)) {
      setError(path as FieldPath<InstallSettings>, { message }, { shouldFocus: true });
    }
    if (Object.keys(fieldErrors).length === 0) {
      setFormError(body?.error.message ?? "The install could not be submitted. Try again.");
    }
  });

  const err = (path: string): string | undefined => {
    let node: unknown = errors;
    for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as { message?: string } | undefined)?.message;
  };

  const nameHelp = <NameHelp domain={region ? `${values.name || "…"}.${region.domain}` : ""} check={nameCheck} />;
  const storageHelp = values.topology === "production"
    ? "A 3-node GlusterFS replicated volume served over NFS; the default StorageClass."
    : "One NFS storage node; the default StorageClass.";

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
              <div className="grid gap-4 sm:grid-cols-2">
                <Controller
                  control={control}
                  name="version"
                  render={({ field }) => (
                    <Field id="version" label="Version" error={err("version")}>
                      <Select
                        {...fieldAria("version", { error: err("version") })}
                        value={field.value}
                        onValueChange={field.onChange}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        disabled={locked}
                        options={kubernetesVersions.map((v, i) => ({
                          value: v.id,
                          label: `v${v.id}`,
                          description: i === 0 ? "Newest" : `Kubernetes ${v.minor}`,
                        }))}
                      />
                    </Field>
                  )}
                />
                <Controller
                  control={control}
                  name="dashboard"
                  render={({ field }) => (
                    <Field id="dashboard" label="Dashboard" error={err("dashboard")}>
                      <Select
                        {...fieldAria("dashboard", { error: err("dashboard") })}
                        value={field.value}
                        onValueChange={field.onChange}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        disabled={locked}
                        options={dashboards.map((d) => ({ value: d.id, label: d.name, description: d.description }))}
                      />
                    </Field>
                  )}
                />
              </div>

              <Controller
                control={control}
                name="topology"
                render={({ field }) => (
                  <Field group id="topology" label="Topology" error={err("topology")}>
                    <RadioCards
                      id="topology"
                      aria-labelledby="topology-label"
                      value={field.value}
                      disabled={locked}
                      onValueChange={(v) => {
                        const next = v as TopologyId;
                        field.onChange(next);
                        const min = topologies[next].minWorkers;
                        if (!(values.workers >= min)) setValue("workers", min, { shouldValidate: true });
                      }}
                      options={(["development", "production"] as const).map((t) => ({
                        value: t,
                        label: topologies[t].name,
                        description: topologies[t].summary,
                        disabled: t === "production" && !production.available,
                        disabledReason: t === "production" ? production.reasons.join(" ") : undefined,
                      }))}
                    />
                  </Field>
                )}
              />

              <div className="grid gap-4 sm:grid-cols-2">
                <Field
                  id="workers"
                  label="Workers"
                  description={`Scalable; at least ${topologies[values.topology]?.minWorkers ?? 1}.`}
                  error={err("workers")}
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    min={topologies[values.topology]?.minWorkers ?? 1}
                    max={maxWorkersAtInstall}
                    {...register("workers", { valueAsNumber: true })}
                    {...fieldAria("workers", {
                      error: err("workers"),
                      description: `Scalable; at least ${topologies[values.topology]?.minWorkers ?? 1}.`,
                    })}
                  />
                </Field>
                <Controller
                  control={control}
                  name="ingress"
                  render={({ field }) => (
                    <Field id="ingress" label="Ingress controller" error={err("ingress")}>
                      <Select
                        {...fieldAria("ingress", { error: err("ingress") })}
                        value={field.value}
                        onValueChange={field.onChange}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        disabled={locked}
                        options={ingressControllers.map((c) => ({ value: c.id, label: c.name, description: `v${c.version}` }))}
                      />
                    </Field>
                  )}
                />
              </div>

              <Controller
                control={control}
                name="deployment"
                render={({ field }) => (
                  <Field group id="deployment" label="Deployment" error={err("deployment")}>
                    <RadioCards
                      id="deployment"
                      aria-labelledby="deployment-label"
                      value={field.value}
                      disabled={locked}
                      onValueChange={field.onChange}
                      options={[
                        { value: "clean", label: "Clean cluster", description: "With a hello-world app at the cluster URL." },
                        { value: "custom", label: "Custom", description: "Deploy your Helm chart or manifests." },
                      ]}
                    />
                  </Field>
                )}
              />
              {values.deployment === "custom" ? <CustomDeploymentFields form={form} err={err} locked={locked} /> : null}

              <Controller
                control={control}
                name="storage"
                render={({ field }) => (
                  <Field id="storage" label="NFS storage" description={storageHelp} layout="inline">
                    <Switch
                      {...fieldAria("storage", { description: storageHelp })}
                      checked={field.value}
                      disabled={locked}
                      onCheckedChange={(on) => {
                        field.onChange(on);
                        if (!on) {
                          for (const a of addons) {
                            if (a.requiresStorage) setValue(`addons.${a.id}`, false, { shouldValidate: true });
                          }
                        }
                      }}
                    />
                  </Field>
                )}
              />

              <fieldset className="space-y-3">
                <legend className="mb-2 text-sm font-medium">Add-ons</legend>
                {addons.map((a) => {
                  const blocked = a.requiresStorage && !values.storage;
                  const description = blocked ? `${a.description} Needs NFS storage: turn NFS storage on to enable.` : a.description;
                  return (
                    <Controller
                      key={a.id}
                      control={control}
                      name={`addons.${a.id}`}
                      render={({ field }) => (
                        <Checkbox
                          id={`addon-${a.id}`}
                          label={a.name}
                          description={description}
                          error={err(`addons.${a.id}`)}
                          checked={field.value}
                          disabled={locked || blocked}
                          onCheckedChange={field.onChange}
                        />
                      )}
                    />
                  );
                })}
              </fieldset>

              <div className="grid gap-4 sm:grid-cols-2">
                <Field
                  id="name"
                  label="Environment name"
                  description={nameHelp}
                  error={err("name")}
                >
                  <Input
                    autoComplete="off"
                    spellCheck={false}
                    mono
                    {...register("name")}
                    {...fieldAria("name", { error: err("name"), description: nameHelp })}
                  />
                </Field>
                <Field id="displayName" label="Display name" error={err("displayName")}>
                  <Input {...register("displayName")} {...fieldAria("displayName", { error: err("displayName") })} />
                </Field>
              </div>

              <Controller
                control={control}
                name="region"
                render={({ field }) => (
                  <Field id="region" label="Region" error={err("region")}>
                    <Select
                      {...fieldAria("region", { error: err("region") })}
                      value={field.value}
                      onValueChange={field.onChange}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      disabled={locked}
                      options={regions.map((r) => ({
                        value: r.id,
                        label: `${r.name}, ${r.location}`,
                        description: r.domain,
                        disabled: !r.active,
                        disabledReason: r.inactiveReason,
                      }))}
                    />
                  </Field>
                )}
              />
            </fieldset>
          </form>
          <PlanSummary plan={plan} timeScale={timeScale} />
        </div>
      </DialogContent>
    </Dialog>
  );
}
