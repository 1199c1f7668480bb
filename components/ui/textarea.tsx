import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlBase } from "./control-styles";

export type TextareaProps = ComponentProps<"textarea"> & {
  /** Monospace font, no spellcheck by default (for YAML, keys, certificates). */
  mono?: boolean;
};

/** Native <textarea>, styled; red border when aria-invalid="true". Accepts `ref` (React 19). */
export function Textarea({ className, mono = false, rows = 4, spellCheck, ...rest }: TextareaProps) {
  return (
    <textarea
      rows={rows}
      spellCheck={spellCheck ?? (mono ? false : undefined)}
      className={cn(
        controlBase,
        "block min-h-16 px-3 py-2 leading-normal",
        mono && "font-mono text-[13px] leading-relaxed",
        className,
      )}
      {...rest}
    />
  );
}
