"use client";

import { Check } from "lucide-react";
import { Checkbox as RadixCheckbox } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type CheckboxProps = Omit<
  ComponentProps<typeof RadixCheckbox.Root>,
  "checked" | "onCheckedChange" | "children" | "id"
> & {
  id: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  disabled?: boolean;
  /** Visible label (<label htmlFor={id}>) — this is the accessible name. */
  label: ReactNode;
  /** Small text under the label, linked via aria-describedby (`${id}-description`). */
  description?: ReactNode;
  /** Error text under the label, role="alert", linked via aria-describedby (`${id}-error`). */
  error?: string | null | undefined;
};

/** Radix Checkbox (a <button role="checkbox">) with its own inline label; works standalone. */
export function Checkbox({
  id,
  checked,
  onCheckedChange,
  disabled,
  label,
  description,
  error,
  className,
  "aria-describedby": extraDescribedBy,
  ...rest
}: CheckboxProps) {
  const hasDescription =
    description !== undefined && description !== null && description !== false && description !== "";
  const describedBy =
    [extraDescribedBy, hasDescription ? `${id}-description` : null, error ? `${id}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;

  return (
    <div className={cn("relative flex items-start gap-2", className)}>
      <RadixCheckbox.Root
        id={id}
        checked={checked}
        onCheckedChange={(value) => onCheckedChange(value === true)}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={cn(
          "mt-0.5 flex size-4 shrink-0 cursor-pointer items-center justify-center rounded-[4px] border border-slate-400 bg-white shadow-sm transition-colors",
          "hover:border-slate-500 data-[state=checked]:border-blue-600 data-[state=checked]:bg-blue-600 data-[state=checked]:text-white",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
          "disabled:cursor-not-allowed disabled:opacity-50",
          "aria-invalid:border-red-500",
        )}
        {...rest}
      >
        <RadixCheckbox.Indicator>
          <Check aria-hidden="true" strokeWidth={3} className="size-3" />
        </RadixCheckbox.Indicator>
      </RadixCheckbox.Root>
      <div className="flex min-w-0 flex-col gap-0.5">
        <label
          htmlFor={id}
          className={cn(
            "text-sm leading-5 font-medium text-slate-900",
            disabled ? "cursor-not-allowed text-slate-500" : "cursor-pointer",
          )}
        >
          {label}
        </label>
        {hasDescription ? (
          <p id={`${id}-description`} className="text-xs text-slate-500">
            {description}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
