"use client";
import { RadioCardsField } from "@/components/ui/radio-cards-field";
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
    <RadioCardsField
      control={control}
      name="topology"
      label="Topology"
      error={err("topology")}
      disabled={locked}
      onChanged={(v) => {
        const min = topologies[v as TopologyId].minWorkers;
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
  );
}
