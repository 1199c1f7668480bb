import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlBase } from "./control-styles";

export type InputProps = ComponentProps<"input"> & {
  /** Monospace font (for hostnames, CIDRs, tokens). */
  mono?: boolean;
};

/** Native <input>, styled; red border when aria-invalid="true". Accepts `ref` (React 19). */
export function Input({ className, mono = false, type = "text", ...rest }: InputProps) {
  return (
    <input
      type={type}
      className={cn(controlBase, "h-9 px-3 py-1.5", mono && "font-mono text-[13px]", className)}
      {...rest}
    />
  );
}
