"use client";

import { RadioGroup } from "radix-ui";
import { useId, type AriaAttributes, type ReactNode } from "react";
import { cn } from "./cn";

export type RadioCardOption = {
  /** Non-empty string. */
  value: string;
  /** The radio's accessible name (exactly this text). */
  label: string;
  description?: ReactNode;
  disabled?: boolean;
  /** Shown on the card when disabled (amber text), announced as its description. */
  disabledReason?: string;
};

export type RadioCardsProps = {
  /** id of the radiogroup element; also the prefix for item ids. Auto-generated when omitted. */
  id?: string;
  /** Name the group: e.g. aria-labelledby={`${fieldId}-label`} inside <Field id={fieldId} group>. */
  "aria-labelledby"?: string;
  "aria-label"?: string;
  "aria-describedby"?: string | undefined;
  "aria-invalid"?: AriaAttributes["aria-invalid"];
  "aria-required"?: AriaAttributes["aria-required"];
  value: string;
  onValueChange(value: string): void;
  options: readonly RadioCardOption[];
  disabled?: boolean;
  required?: boolean;
  /** Hidden native radio inputs are rendered with this name inside a <form>. */
  name?: string;
  /** Grid columns from the `sm` breakpoint up (1 column below). Default 2. */
  columns?: 2 | 3;
  className?: string;
};

const COLUMNS = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-3" } as const;

/**
 * Radix RadioGroup rendered as selectable cards. Each card is a <button role="radio"> whose
 * accessible name is its label, so getByRole("radio", { name: "Production" }) works.
 * Arrow keys move between enabled cards.
 */
export function RadioCards({
  id,
  value,
  onValueChange,
  options,
  disabled,
  required,
  name,
  columns = 2,
  className,
  ...aria
}: RadioCardsProps) {
  const autoId = useId();
  const baseId = id ?? autoId;

  return (
    <RadioGroup.Root
      id={id}
      value={value}
      onValueChange={onValueChange}
      disabled={disabled}
      required={required}
      name={name}
      {...aria}
      className={cn("group/cards relative grid grid-cols-1 gap-2", COLUMNS[columns], className)}
    >
      {options.map((option, index) => {
        const itemId = `${baseId}-item-${index}`;
        const labelId = `${itemId}-label`;
        const descriptionId = `${itemId}-description`;
        const reasonId = `${itemId}-reason`;
        const hasDescription =
          option.description !== undefined && option.description !== null && option.description !== "";
        const showReason = Boolean(option.disabled && option.disabledReason);
        const describedBy = [hasDescription ? descriptionId : null, showReason ? reasonId : null]
          .filter(Boolean)
          .join(" ");
        return (
          <RadioGroup.Item
            key={option.value}
            id={itemId}
            value={option.value}
            disabled={option.disabled}
            aria-labelledby={labelId}
            aria-describedby={describedBy || undefined}
            className={cn(
              "group relative flex h-full w-full cursor-pointer items-start gap-2.5 rounded-md border border-slate-300 bg-white p-3 text-left shadow-sm transition-colors",
              "hover:border-slate-400 hover:bg-slate-50",
              "data-[state=checked]:border-blue-600 data-[state=checked]:bg-blue-50/60 data-[state=checked]:ring-1 data-[state=checked]:ring-blue-600",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
              "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:hover:border-slate-300",
              "group-aria-invalid/cards:border-red-500",
            )}
          >
            <span
              aria-hidden="true"
              className={cn(
                "mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border border-slate-400 bg-white",
                "group-data-[state=checked]:border-blue-600 group-disabled:border-slate-300",
              )}
            >
              <RadioGroup.Indicator className="block size-2 rounded-full bg-blue-600" />
            </span>
            <span className="flex min-w-0 flex-col gap-0.5">
              <span id={labelId} className="text-sm font-medium text-slate-900 group-disabled:text-slate-500">
                {option.label}
              </span>
              {hasDescription ? (
                <span id={descriptionId} className="text-xs text-slate-600 group-disabled:text-slate-500">
                  {option.description}
                </span>
              ) : null}
              {showReason ? (
                <span id={reasonId} className="text-xs font-medium text-amber-700">
                  {option.disabledReason}
                </span>
              ) : null}
            </span>
          </RadioGroup.Item>
        );
      })}
    </RadioGroup.Root>
  );
}
