"use client";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RadioCardsField } from "@/components/ui/radio-cards-field";
import { Textarea } from "@/components/ui/textarea";
import type { InstallSettings } from "@/lib/validations/install-settings";

/** The Custom deployment's fields: a Helm chart (repository, chart, version, values) or Kubernetes manifests. */
export function CustomDeploymentFields({
  form,
  err,
  locked,
}: {
  form: UseFormReturn<InstallSettings>;
  err: (path: string) => string | undefined;
  locked: boolean;
}) {
  const { control, register } = form;
  const kind = useWatch({ control, name: "custom.kind" });
  return (
    <div className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-4">
      <RadioCardsField
        control={control}
        name="custom.kind"
        id="custom-kind"
        label="Deploy"
        disabled={locked}
        options={[
          { value: "helm", label: "Helm chart", description: "From a chart repository." },
          { value: "manifests", label: "Kubernetes manifests", description: "YAML applied with kubectl." },
        ]}
      />
      {kind === "helm" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="custom-repositoryUrl" label="Chart repository URL" error={err("custom.repositoryUrl")}>
              <Input
                type="url"
                placeholder="https://charts.example.com"
                {...register("custom.repositoryUrl")}
                {...fieldAria("custom-repositoryUrl", { error: err("custom.repositoryUrl") })}
              />
            </Field>
            <Field id="custom-chart" label="Chart" error={err("custom.chart")}>
              <Input
                mono
                {...register("custom.chart")}
                {...fieldAria("custom-chart", { error: err("custom.chart") })}
              />
            </Field>
          </div>
          <Field id="custom-chartVersion" label="Chart version (optional)" error={err("custom.chartVersion")}>
            <Input
              mono
              placeholder="latest"
              {...register("custom.chartVersion")}
              {...fieldAria("custom-chartVersion", { error: err("custom.chartVersion") })}
            />
          </Field>
          <Field id="custom-values" label="Values (YAML)" error={err("custom.values")}>
            <Textarea
              mono
              rows={6}
              {...register("custom.values")}
              {...fieldAria("custom-values", { error: err("custom.values") })}
            />
          </Field>
        </>
      ) : (
        <Field id="custom-manifests" label="Manifests (YAML)" error={err("custom.manifests")}>
          <Textarea
            mono
            rows={10}
            placeholder={"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: my-app"}
            {...register("custom.manifests")}
            {...fieldAria("custom-manifests", { error: err("custom.manifests") })}
          />
        </Field>
      )}
    </div>
  );
}
