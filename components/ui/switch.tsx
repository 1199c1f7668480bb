"use client";

import { Switch as RadixSwitch } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type SwitchProps = Omit<ComponentProps<typeof RadixSwitch.Root>, "checked" | "onCheckedChange" | "children"> & {
  id: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  disabled?: boolean;
};

/**
 * Radix Switch (a <button role="switch">). Label it with a surrounding <Field id={id}> (label htmlFor)
 * or an `aria-label`. Spread fieldAria() on it inside a Field.
 */
export function Switch({ id, checked, onCheckedChange, disabled, className, ...rest }: SwitchProps) {
  return (
    <RadixSwitch.Root
      id={id}
      checked={checked}
      onCheckedChange={onCheckedChange}
      disabled={disabled}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full border border-transparent transition-colors",
        "bg-slate-300 hover:bg-slate-400 data-[state=checked]:bg-blue-600 data-[state=checked]:hover:bg-blue-700",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
        "disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-slate-300 disabled:data-[state=checked]:hover:bg-blue-600",
        "aria-invalid:ring-2 aria-invalid:ring-red-500 aria-invalid:ring-offset-1",
        className,
      )}
      {...rest}
    >
      <RadixSwitch.Thumb
        className={cn(
          "pointer-events-none block size-4 rounded-full bg-white shadow-sm ring-0 transition-transform",
          "translate-x-0.5 data-[state=checked]:translate-x-[1.125rem]",
        )}
      />
    </RadixSwitch.Root>
  );
}
