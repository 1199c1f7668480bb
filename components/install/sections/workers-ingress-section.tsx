"use client";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select-field";
import { ingressControllers, maxWorkersAtInstall, topologies, type TopologyId } from "@/lib/catalog";
import type { InstallSectionProps } from "./install-section-props";

/** The number of workers (at least the topology's minimum) and the ingress controller, side by side. */
export function WorkersIngressSection({ form, err, locked, topology }: InstallSectionProps & { topology: TopologyId }) {
  const { control, register } = form;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        id="workers"
        label="Workers"
        description={`Scalable; at least ${topologies[topology]?.minWorkers ?? 1}.`}
        error={err("workers")}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={topologies[topology]?.minWorkers ?? 1}
          max={maxWorkersAtInstall}
          {...register("workers", { valueAsNumber: true })}
          {...fieldAria("workers", {
            error: err("workers"),
            description: `Scalable; at least ${topologies[topology]?.minWorkers ?? 1}.`,
          })}
        />
      </Field>
      <SelectField
        control={control}
        name="ingress"
        label="Ingress controller"
        error={err("ingress")}
        disabled={locked}
        options={ingressControllers.map((c) => ({ value: c.id, label: c.name, description: `v${c.version}` }))}
      />
    </div>
  );
}
