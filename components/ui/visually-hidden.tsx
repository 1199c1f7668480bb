import type { ComponentProps } from "react";
import { cn } from "./cn";

export type VisuallyHiddenProps = ComponentProps<"span">;

/** Text available to assistive technology but not shown (Tailwind `sr-only`). */
export function VisuallyHidden({ className, ...rest }: VisuallyHiddenProps) {
  return <span className={cn("sr-only", className)} {...rest} />;
}
