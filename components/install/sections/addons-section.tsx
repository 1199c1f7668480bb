"use client";
import { Controller } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { addons } from "@/lib/catalog";
import { addonRequestsText } from "../addon-requests-text";
import type { InstallSectionProps } from "./install-section-props";

/**
 * One checkbox per add-on; those that need storage are disabled, with the reason, while storage is off. Remote API
 * access names the server the kubeconfig will name (`kubernetesApi`, from lib/kube-api/kubernetes-api-url.ts).
 */
export function AddonsSection({
  form,
  err,
  locked,
  storage,
  kubernetesApi,
}: InstallSectionProps & { storage: boolean; kubernetesApi: string }) {
  const { control } = form;
  return (
    <fieldset className="space-y-3">
      <legend className="mb-2 text-sm font-medium">Add-ons</legend>
      {addons.map((a) => {
        const blocked = a.requiresStorage && !storage;
        const requests = addonRequestsText(a.workloads);
        const where =
          a.id === "remoteApi"
            ? `${a.description} At ${kubernetesApi}, the server its kubeconfig names.`
            : a.description;
        const base = requests ? `${where} ${requests}` : where;
        const description = blocked ? `${base} Needs NFS storage: turn NFS storage on to enable.` : base;
        return (
          <Controller
            key={a.id}
            control={control}
            name={`addons.${a.id}`}
            render={({ field }) => (
              <Checkbox
                id={`addon-${a.id}`}
                label={a.name}
                description={description}
                error={err(`addons.${a.id}`)}
                checked={field.value}
                disabled={locked || blocked}
                onCheckedChange={field.onChange}
              />
            )}
          />
        );
      })}
    </fieldset>
  );
}
