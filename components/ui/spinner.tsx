import type { ComponentProps } from "react";
import { cn } from "./cn";

export type SpinnerProps = Omit<ComponentProps<"svg">, "children"> & {
  /** sm = 14px, md = 16px (default), lg = 24px. Override freely with className (e.g. "size-8"). */
  size?: "sm" | "md" | "lg";
};

const SIZES = { sm: "size-3.5", md: "size-4", lg: "size-6" } as const;

/** Decorative spinning indicator. Always aria-hidden: announce busy state on the owning element instead. */
export function Spinner({ size = "md", className, ...rest }: SpinnerProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cn("shrink-0 animate-spin motion-reduce:animate-[spin_1.5s_linear_infinite]", SIZES[size], className)}
      {...rest}
    >
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="3" className="opacity-25" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
