"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { autoscalingOnSchema, type AutoscalingOnInput } from "@/lib/changes/autoscaling/schema";
import type { AutoscalingRange } from "@/lib/validations/autoscaling";
import { ChangeDialog } from "./change-dialog";

/** The range the form starts from: the current one, else from today's workers to two more. */
function rangeOf(current: AutoscalingRange | null, workers: number): AutoscalingOnInput {
  const range = current ?? { minWorkers: workers, maxWorkers: workers + 2 };
  return { enabled: true, minWorkers: range.minWorkers, maxWorkers: range.maxWorkers };
}

/**
 * Worker autoscaling's range: Clusterport adds workers (up to Maximum) when pods wait for room for 30 s, and
 * removes a worker (down to Minimum) whose pods have requested under half of it for 10 minutes.
 */
export function AutoscalingDialog({
  open,
  onOpenChange,
  name,
  workers,
  current,
  timeScale,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  name: string;
  workers: number;
  /** The range now, or null when autoscaling is off. */
  current: AutoscalingRange | null;
  timeScale: number;
}) {
  const form = useForm<AutoscalingOnInput>({
    resolver: zodResolver(autoscalingOnSchema),
    defaultValues: rangeOf(current, workers),
    mode: "onChange",
  });
  const { control, register, reset, formState } = form;
  const values = useWatch({ control });
  useEffect(() => {
    if (open) reset(rangeOf(current, workers));
  }, [open, reset, current, workers]);
  const parsed = autoscalingOnSchema.safeParse(values);

  return (
    <ChangeDialog
      open={open}
      onOpenChange={onOpenChange}
      name={name}
      action="autoscaling"
      title={current ? "Change worker autoscaling" : "Turn worker autoscaling on"}
      description="Clusterport adds workers when pods wait for room for 30 seconds, and removes a worker whose pods have requested less than half of its CPU and memory for 10 minutes. Each decision appears in the activity with its reason."
      body={parsed.success ? parsed.data : null}
      confirmLabel={current ? "Save range" : "Turn on"}
      timeScale={timeScale}
    >
      {(fieldErrors) => {
        const minError = formState.errors.minWorkers?.message ?? fieldErrors.minWorkers;
        const maxError = formState.errors.maxWorkers?.message ?? fieldErrors.maxWorkers;
        const minDescription = `Never fewer. The cluster has ${workers} now.`;
        const maxDescription = "Never more; within your plan's quota.";
        return (
          <div className="grid grid-cols-2 gap-3">
            <Field id="autoscaling-min" label="Minimum workers" description={minDescription} error={minError}>
              <Input
                type="number"
                inputMode="numeric"
                min={1}
                {...register("minWorkers", { valueAsNumber: true, deps: "maxWorkers" })}
                {...fieldAria("autoscaling-min", { error: minError, description: minDescription })}
              />
            </Field>
            <Field id="autoscaling-max" label="Maximum workers" description={maxDescription} error={maxError}>
              <Input
                type="number"
                inputMode="numeric"
                min={1}
                {...register("maxWorkers", { valueAsNumber: true, deps: "minWorkers" })}
                {...fieldAria("autoscaling-max", { error: maxError, description: maxDescription })}
              />
            </Field>
          </div>
        );
      }}
    </ChangeDialog>
  );
}
