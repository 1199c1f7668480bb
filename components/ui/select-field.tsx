"use client";
import type { ReactNode } from "react";
import { Controller, type Control, type FieldPathByValue, type FieldValues } from "react-hook-form";
import { Field, fieldAria } from "./field";
import { Select, type SelectOption } from "./select";

export type SelectFieldProps<T extends FieldValues> = {
  control: Control<T>;
  /** A path whose value is a string (the Select's value). */
  name: FieldPathByValue<T, string>;
  /** id of the Select's trigger; the label, description and error ids derive from it. Defaults to `name`. */
  id?: string;
  label: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
  options: readonly SelectOption[];
};

/** A labelled Select bound to a react-hook-form field through a Controller, with its error announced. */
export function SelectField<T extends FieldValues>({
  control,
  name,
  id = name,
  label,
  error,
  disabled,
  options,
}: SelectFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field id={id} label={label} error={error}>
          <Select
            {...fieldAria(id, { error })}
            value={field.value as string}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            ref={field.ref}
            disabled={disabled}
            options={options}
          />
        </Field>
      )}
    />
  );
}
