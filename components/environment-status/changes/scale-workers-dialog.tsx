"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { scaleWorkersSchema, type ScaleWorkersInput } from "@/lib/changes/scale-workers/schema";
import { nodeIndex } from "@/lib/plan";
import { ChangeDialog } from "./change-dialog";

/** The newest `count` workers: the default choice when scaling in. */
function newest(workers: readonly string[], count: number): string[] {
  return [...workers].sort((a, b) => nodeIndex(b) - nodeIndex(a)).slice(0, Math.max(0, count));
}

/**
 * Scale workers: a new Workers count within the plan's quota; when it is lower, which workers go (the newest
 * unless the person picks others). The control plane's size is fixed, and the dialog says why.
 */
export function ScaleWorkersDialog({
  open,
  onOpenChange,
  name,
  workers,
  controlPlanes,
  minWorkers,
  timeScale,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  name: string;
  /** The cluster's worker node ids now. */
  workers: readonly string[];
  controlPlanes: number;
  minWorkers: number;
  timeScale: number;
}) {
  const form = useForm<ScaleWorkersInput>({
    resolver: zodResolver(scaleWorkersSchema),
    defaultValues: { workers: workers.length + 1, remove: [] },
    mode: "onChange",
  });
  const { control, register, reset, setValue, formState } = form;
  const values = useWatch({ control });
  const target = Number(values.workers);
  const leaving = Number.isFinite(target) ? workers.length - target : 0;
  const remove = useMemo(() => values.remove ?? [], [values.remove]);

  useEffect(() => {
    if (open) reset({ workers: workers.length + 1, remove: [] });
  }, [open, reset, workers.length]);
  // A new count starts from the default choice, the newest workers; the person may then pick others.
  // (Keyed by the ids, not the array, which each live update replaces.)
  const workersKey = workers.join(",");
  useEffect(() => {
    setValue("remove", newest(workersKey.split(","), leaving));
  }, [leaving, setValue, workersKey]);

  // Scaling out names no workers to remove.
  const parsed = scaleWorkersSchema.safeParse({ workers: target, ...(leaving > 0 ? { remove } : {}) });
  const controlPlaneNote =
    controlPlanes > 1
      ? `The ${controlPlanes} control planes stay as they are: their number is fixed at install, because etcd keeps quorum with an odd number of members.`
      : "The control plane stays as it is: its size is fixed at install (a production cluster has three, behind API balancers).";

  return (
    <ChangeDialog
      open={open}
      onOpenChange={onOpenChange}
      name={name}
      action="scale-workers"
      title="Scale workers"
      description={`Workers run your pods. ${controlPlaneNote}`}
      body={parsed.success ? parsed.data : null}
      confirmLabel="Scale workers"
      timeScale={timeScale}
    >
      {(fieldErrors) => {
        const workersError = formState.errors.workers?.message ?? fieldErrors.workers;
        const description = `Now ${workers.length} (${workers.join(", ")}); at least ${minWorkers}.`;
        return (
          <>
            <Field id="scale-workers" label="Workers" description={description} error={workersError}>
              <Input
                type="number"
                inputMode="numeric"
                min={minWorkers}
                {...register("workers", { valueAsNumber: true })}
                {...fieldAria("scale-workers", { error: workersError, description })}
              />
            </Field>
            {leaving > 0 ? (
              <fieldset className="flex flex-col gap-2">
                <legend className="mb-1 text-sm font-medium text-slate-900">
                  Workers to remove ({leaving}): each is cordoned and drained first; its pods move to the remaining
                  workers
                </legend>
                {fieldErrors.remove ? (
                  <p role="alert" className="text-sm text-red-700">
                    {fieldErrors.remove}
                  </p>
                ) : null}
                {workers.map((w) => (
                  <Checkbox
                    key={w}
                    id={`remove-${w}`}
                    label={`Remove ${w}`}
                    checked={remove.includes(w)}
                    onCheckedChange={(on) => setValue("remove", on ? [...remove, w] : remove.filter((x) => x !== w))}
                  />
                ))}
              </fieldset>
            ) : null}
          </>
        );
      }}
    </ChangeDialog>
  );
}
