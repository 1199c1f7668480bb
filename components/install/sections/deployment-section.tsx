"use client";
import { Controller } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { RadioCards } from "@/components/ui/radio-cards";
import type { InstallSettings } from "@/lib/validations/install-settings";
import { CustomDeploymentFields } from "../custom-deployment-fields";
import type { InstallSectionProps } from "./install-section-props";

/** A clean cluster, or a custom deployment followed by its fields. */
export function DeploymentSection({
  form,
  err,
  locked,
  deployment,
}: InstallSectionProps & { deployment: InstallSettings["deployment"] }) {
  const { control } = form;
  return (
    <>
      <Controller
        control={control}
        name="deployment"
        render={({ field }) => (
          <Field group id="deployment" label="Deployment" error={err("deployment")}>
            <RadioCards
              id="deployment"
              aria-labelledby="deployment-label"
              value={field.value}
              disabled={locked}
              onValueChange={field.onChange}
              options={[
                { value: "clean", label: "Clean cluster", description: "With a hello-world app at the cluster URL." },
                { value: "custom", label: "Custom", description: "Deploy your Helm chart or manifests." },
              ]}
            />
          </Field>
        )}
      />
      {deployment === "custom" ? <CustomDeploymentFields form={form} err={err} locked={locked} /> : null}
    </>
  );
}
