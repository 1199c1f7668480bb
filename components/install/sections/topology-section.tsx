"use client";
import { Controller } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { RadioCards } from "@/components/ui/radio-cards";
import { topologies, type TopologyId } from "@/lib/catalog";
import type { TopologyAvailability } from "@/lib/plan";
import type { InstallSectionProps } from "./install-section-props";

/**
 * Development or Production (locked with the reasons when the quota does not allow it). Choosing a topology
 * raises the workers to its minimum when they are below it.
 */
export function TopologySection({
  form,
  err,
  locked,
  workers,
  production,
}: InstallSectionProps & { workers: number; production: TopologyAvailability }) {
  const { control, setValue } = form;
  return (
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
              if (!(workers >= min)) setValue("workers", min, { shouldValidate: true });
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
  );
}
