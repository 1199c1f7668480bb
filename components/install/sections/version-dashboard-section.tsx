"use client";
import { SelectField } from "@/components/ui/select-field";
import { dashboards, kubernetesVersions } from "@/lib/catalog";
import type { InstallSectionProps } from "./install-section-props";

/** The Kubernetes version and the dashboard, side by side. */
export function VersionDashboardSection({ form, err, locked }: InstallSectionProps) {
  const { control } = form;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        control={control}
        name="version"
        label="Version"
        error={err("version")}
        disabled={locked}
        options={kubernetesVersions.map((v, i) => ({
          value: v.id,
          label: `v${v.id}`,
          description: i === 0 ? "Newest" : `Kubernetes ${v.minor}`,
        }))}
      />
      <SelectField
        control={control}
        name="dashboard"
        label="Dashboard"
        error={err("dashboard")}
        disabled={locked}
        options={dashboards.map((d) => ({ value: d.id, label: d.name, description: d.description }))}
      />
    </div>
  );
}
