"use client";
import { Controller } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Switch } from "@/components/ui/switch";
import { addons, type TopologyId } from "@/lib/catalog";
import type { InstallSectionProps } from "./install-section-props";

/** The NFS storage switch; turning it off also turns off the add-ons that need storage. */
export function StorageSection({ form, locked, topology }: InstallSectionProps & { topology: TopologyId }) {
  const { control, setValue } = form;
  const storageHelp =
    topology === "production"
      ? "A 3-node GlusterFS replicated volume served over NFS; the default StorageClass."
      : "One NFS storage node; the default StorageClass.";
  return (
    <Controller
      control={control}
      name="storage"
      render={({ field }) => (
        <Field id="storage" label="NFS storage" description={storageHelp} layout="inline">
          <Switch
            {...fieldAria("storage", { description: storageHelp })}
            checked={field.value}
            disabled={locked}
            onCheckedChange={(on) => {
              field.onChange(on);
              if (!on) {
                for (const a of addons) {
                  if (a.requiresStorage) setValue(`addons.${a.id}`, false, { shouldValidate: true });
                }
              }
            }}
          />
        </Field>
      )}
    />
  );
}
