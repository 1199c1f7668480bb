import type { ReactNode } from "react";

export type FieldAria = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "aria-required"?: true;
};

function present(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== "";
}

/**
 * Props to spread on the control wrapped by <Field id={id} ...> so its description and error are
 * announced. Pass the same `error` / `description` you pass to <Field>.
 *
 *   <Field id="name" label="Name" error={err} description="Lowercase letters">
 *     <Input {...fieldAria("name", { error: err, description: "Lowercase letters" })} />
 *   </Field>
 */
export function fieldAria(
  id: string,
  {
    error,
    description,
    required,
  }: { error?: string | null | undefined; description?: ReactNode; required?: boolean } = {},
): FieldAria {
  const describedBy = [present(description) ? `${id}-description` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  const aria: FieldAria = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
  if (required) aria["aria-required"] = true;
  return aria;
}
