"use client";

import { Check, ChevronDown } from "lucide-react";
import { Select as RadixSelect } from "radix-ui";
import type { AriaAttributes, Ref } from "react";
import { cn } from "./cn";
import { controlBase } from "./control-styles";

export type SelectOption = {
  /** Must be a non-empty string (Radix reserves "" for "no value"). */
  value: string;
  label: string;
  description?: string;
  disabled?: boolean;
  /** Shown instead of / after the description when the option is disabled. */
  disabledReason?: string;
};

export type SelectProps = {
  /** Put on the trigger (role combobox), so <label htmlFor={id}> / getByLabel() find it. */
  id: string;
  /** "" shows the placeholder. */
  value: string;
  onValueChange(value: string): void;
  options: readonly SelectOption[];
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
  /** Renders a hidden native <select> with this name for form posts. */
  name?: string;
  "aria-invalid"?: AriaAttributes["aria-invalid"];
  "aria-describedby"?: string | undefined;
  "aria-required"?: AriaAttributes["aria-required"];
  "aria-label"?: string;
  "aria-labelledby"?: string;
  /** Ref to the trigger <button> (react-hook-form Controller's field.ref can focus it). */
  ref?: Ref<HTMLButtonElement>;
  onBlur?: () => void;
  open?: boolean;
  onOpenChange?(open: boolean): void;
  className?: string;
};

/** Radix Select: button trigger (role combobox) + listbox popup. Disabled options stay visible. */
export function Select({
  id,
  value,
  onValueChange,
  options,
  placeholder = "Select…",
  disabled,
  required,
  name,
  ref,
  onBlur,
  open,
  onOpenChange,
  className,
  ...aria
}: SelectProps) {
  return (
    <RadixSelect.Root
      value={value}
      onValueChange={onValueChange}
      disabled={disabled}
      required={required}
      name={name}
      {...(open !== undefined ? { open } : {})}
      {...(onOpenChange ? { onOpenChange } : {})}
    >
      <RadixSelect.Trigger
        id={id}
        ref={ref}
        onBlur={onBlur}
        {...aria}
        className={cn(
          controlBase,
          "flex h-9 items-center justify-between gap-2 px-3 py-1.5 text-left",
          "data-placeholder:text-slate-400 data-[state=open]:border-blue-600",
          className,
        )}
      >
        <span className="min-w-0 flex-1 truncate">
          <RadixSelect.Value placeholder={placeholder} />
        </span>
        <RadixSelect.Icon asChild>
          <ChevronDown aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content
          position="popper"
          sideOffset={4}
          collisionPadding={8}
          className={cn(
            "z-[60] min-w-(--radix-select-trigger-width) max-w-[min(32rem,calc(100vw-1rem))]",
            "max-h-(--radix-select-content-available-height) overflow-hidden",
            "rounded-md border border-slate-200 bg-white text-sm text-slate-900 shadow-lg",
          )}
        >
          <RadixSelect.ScrollUpButton className="flex h-6 items-center justify-center text-slate-500">
            <ChevronDown aria-hidden="true" className="size-4 rotate-180" />
          </RadixSelect.ScrollUpButton>
          <RadixSelect.Viewport className="p-1">
            {options.map((option, index) => {
              const note = option.disabled && option.disabledReason ? option.disabledReason : option.description;
              const noteId = note ? `${id}-option-${index}-note` : undefined;
              return (
                <RadixSelect.Item
                  key={option.value}
                  value={option.value}
                  disabled={option.disabled}
                  textValue={option.label}
                  aria-describedby={noteId}
                  className={cn(
                    "relative flex cursor-default select-none flex-col gap-0.5 rounded-sm py-1.5 pr-2 pl-7 outline-none",
                    "data-highlighted:bg-blue-50 data-highlighted:text-blue-900",
                    "data-disabled:cursor-not-allowed data-disabled:text-slate-400",
                  )}
                >
                  <span className="absolute top-2 left-2 flex size-4 items-center justify-center">
                    <RadixSelect.ItemIndicator>
                      <Check aria-hidden="true" className="size-4 text-blue-600" />
                    </RadixSelect.ItemIndicator>
                  </span>
                  <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                  {note ? (
                    <span
                      id={noteId}
                      className={cn("text-xs", option.disabled ? "text-amber-700/80" : "text-slate-500")}
                    >
                      {note}
                    </span>
                  ) : null}
                </RadixSelect.Item>
              );
            })}
          </RadixSelect.Viewport>
          <RadixSelect.ScrollDownButton className="flex h-6 items-center justify-center text-slate-500">
            <ChevronDown aria-hidden="true" className="size-4" />
          </RadixSelect.ScrollDownButton>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
