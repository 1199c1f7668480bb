import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export { fieldAria } from "./field-aria";

export type FieldProps = {
  /** id of the wrapped control. The label gets htmlFor={id} and id={`${id}-label`}. */
  id: string;
  label: ReactNode;
  /** Rendered as <p id={`${id}-description`}>. */
  description?: ReactNode;
  /** Rendered as <p id={`${id}-error`} role="alert">. */
  error?: string | null | undefined;
  /** Shows a visual asterisk (aria-hidden). Also set `required`/`aria-required` on the control. */
  required?: boolean;
  /**
   * The control is a group that a <label> cannot point at (RadioCards): the label is rendered as
   * <span id={`${id}-label`}> without htmlFor; give the group aria-labelledby={`${id}-label`}.
   */
  group?: boolean;
  /**
   * "stacked" (default): label, description, control, error.
   * "inline": label + description on the left, control on the right (for Switch).
   */
  layout?: "stacked" | "inline";
  className?: string;
  children: ReactNode;
};

/**
 * Labels one control. Spread `fieldAria(id, { error, description })` on the control.
 * For RadioCards pass `group` and give it aria-labelledby={`${id}-label`}.
 */
export function Field({
  id,
  label,
  description,
  error,
  required,
  group = false,
  layout = "stacked",
  className,
  children,
}: FieldProps) {
  const labelContent = (
    <>
      {label}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-red-600">
          *
        </span>
      ) : null}
    </>
  );
  const labelEl = group ? (
    <span id={`${id}-label`} className="block text-sm font-medium text-slate-900">
      {labelContent}
    </span>
  ) : (
    <label id={`${id}-label`} htmlFor={id} className="block text-sm font-medium text-slate-900">
      {labelContent}
    </label>
  );
  const descriptionEl =
    description !== undefined && description !== null && description !== false && description !== "" ? (
      <p id={`${id}-description`} className="text-xs text-slate-500">
        {description}
      </p>
    ) : null;
  const errorEl = error ? (
    <p id={`${id}-error`} role="alert" className="flex items-start gap-1 text-xs font-medium text-red-700">
      <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
      <span>{error}</span>
    </p>
  ) : null;

  if (layout === "inline") {
    return (
      <div className={cn("flex flex-col gap-1", className)}>
        <div className="flex items-start justify-between gap-4">
          <div className="flex min-w-0 flex-col gap-0.5">
            {labelEl}
            {descriptionEl}
          </div>
          <div className="relative shrink-0 pt-0.5">{children}</div>
        </div>
        {errorEl}
      </div>
    );
  }

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex flex-col gap-0.5">
        {labelEl}
        {descriptionEl}
      </div>
      {children}
      {errorEl}
    </div>
  );
}
