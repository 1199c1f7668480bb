"use client";
import type { ReactNode } from "react";
import { Controller, type Control, type FieldPathByValue, type FieldValues } from "react-hook-form";
import { Field } from "./field";
import { RadioCards, type RadioCardOption } from "./radio-cards";

export type RadioCardsFieldProps<T extends FieldValues> = {
  control: Control<T>;
  /** A path whose value is a string (the chosen card's value). */
  name: FieldPathByValue<T, string>;
  /** id of the radio group; the label and error ids derive from it. Defaults to `name`. */
  id?: string;
  label: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
  options: readonly RadioCardOption[];
  /** Called after the field took the new value (e.g. to adjust a field that depends on it). */
  onChanged?: (value: string) => void;
};

/** A labelled group of radio cards bound to a react-hook-form field through a Controller. */
export function RadioCardsField<T extends FieldValues>({
  control,
  name,
  id = name,
  label,
  error,
  disabled,
  options,
  onChanged,
}: RadioCardsFieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field group id={id} label={label} error={error}>
          <RadioCards
            id={id}
            aria-labelledby={`${id}-label`}
            value={field.value as string}
            disabled={disabled}
            onValueChange={(value) => {
              field.onChange(value);
              onChanged?.(value);
            }}
            options={options}
          />
        </Field>
      )}
    />
  );
}
