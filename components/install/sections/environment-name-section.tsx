"use client";
import type { ReactNode } from "react";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select-field";
import { regions } from "@/lib/catalog";
import type { InstallSectionProps } from "./install-section-props";

/** The environment's name (with its domain and availability as help), display name, and region. */
export function EnvironmentNameSection({ form, err, locked, nameHelp }: InstallSectionProps & { nameHelp: ReactNode }) {
  const { control, register } = form;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Environment name" description={nameHelp} error={err("name")}>
          <Input
            autoComplete="off"
            spellCheck={false}
            mono
            {...register("name")}
            {...fieldAria("name", { error: err("name"), description: nameHelp })}
          />
        </Field>
        <Field id="displayName" label="Display name" error={err("displayName")}>
          <Input {...register("displayName")} {...fieldAria("displayName", { error: err("displayName") })} />
        </Field>
      </div>

      <SelectField
        control={control}
        name="region"
        label="Region"
        error={err("region")}
        disabled={locked}
        options={regions.map((r) => ({
          value: r.id,
          label: `${r.name}, ${r.location}`,
          description: r.domain,
          disabled: !r.active,
          disabledReason: r.inactiveReason,
        }))}
      />
    </>
  );
}
