"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { RadioCards } from "@/components/ui/radio-cards";
import { upgradeSchema, type UpgradeInput } from "@/lib/changes/upgrade/schema";
import { upgradeTargets } from "@/lib/plan";
import { ChangeDialog } from "./change-dialog";

/**
 * Upgrade Kubernetes: the latest patch of the cluster's minor and the next minor (never further), control planes
 * first and then workers, one node at a time. Says plainly what a single worker means for the applications.
 */
export function UpgradeDialog({
  open,
  onOpenChange,
  name,
  version,
  workers,
  timeScale,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  name: string;
  version: string;
  workers: number;
  timeScale: number;
}) {
  const targets = upgradeTargets(version);
  const options = [
    ...(targets.patch
      ? [{ value: targets.patch, label: `v${targets.patch}`, description: "Latest patch of your minor: fixes only." }]
      : []),
    ...(targets.minor
      ? [
          {
            value: targets.minor,
            label: `v${targets.minor}`,
            description: "Next minor release: read its changelog for removed APIs first.",
          },
        ]
      : []),
  ];
  const first = options[0]?.value ?? "";
  const form = useForm<UpgradeInput>({ resolver: zodResolver(upgradeSchema), defaultValues: { version: first } });
  const { control } = form;
  const chosen = useWatch({ control, name: "version" });
  // A live update may change the versions offered: a choice no longer offered falls back to the first.
  const target = options.some((o) => o.value === chosen) ? chosen : first;
  return (
    <ChangeDialog
      open={open}
      onOpenChange={onOpenChange}
      name={name}
      action="upgrade"
      title="Upgrade Kubernetes"
      description={
        workers > 1
          ? `From v${version}: the control planes one at a time, then each worker (cordoned and drained, its pods moving to the others, upgraded, uncordoned). The API and your applications keep serving.`
          : `From v${version}: the control planes one at a time, then the worker (cordoned and drained, upgraded, uncordoned). With a single worker your applications' pods wait while it is upgraded; scale to two workers first to keep them serving.`
      }
      body={target === "" ? null : { version: target }}
      confirmLabel="Upgrade"
      timeScale={timeScale}
    >
      {(fieldErrors) => (
        <Field id="upgrade-version" label="Version" group error={fieldErrors.version}>
          <Controller
            control={control}
            name="version"
            render={({ field }) => (
              <RadioCards
                id="upgrade-version"
                aria-labelledby="upgrade-version-label"
                value={target}
                onValueChange={field.onChange}
                options={options}
              />
            )}
          />
        </Field>
      )}
    </ChangeDialog>
  );
}
