import type { ComponentProps } from "react";
import { cn } from "./cn";

export type ProgressProps = Omit<ComponentProps<"div">, "role" | "children"> & {
  /** 0–100; clamped and rounded. */
  value: number;
  /** Accessible name (aria-label); also shown above the bar when showLabel. */
  label: string;
  /** Show the label and the percentage above the bar. Default false. */
  showLabel?: boolean;
  tone?: "info" | "success" | "danger";
};

const TONES = { info: "bg-blue-600", success: "bg-emerald-600", danger: "bg-red-600" } as const;

/** Determinate progress bar: role="progressbar" with aria-valuenow/min/max and aria-label. */
export function Progress({ value, label, showLabel = false, tone = "info", className, ...rest }: ProgressProps) {
  const pct = Math.round(Math.min(100, Math.max(0, Number.isFinite(value) ? value : 0)));
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      {showLabel ? (
        <div aria-hidden="true" className="flex items-baseline justify-between gap-2 text-xs text-slate-600">
          <span className="truncate">{label}</span>
          <span className="tabular-nums">{pct}%</span>
        </div>
      ) : null}
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
        {...rest}
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-300 motion-reduce:transition-none",
            TONES[tone],
          )}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
