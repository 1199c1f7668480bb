"use client";
import { RadioCardsField } from "@/components/ui/radio-cards-field";
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
      <RadioCardsField
        control={control}
        name="deployment"
        label="Deployment"
        error={err("deployment")}
        disabled={locked}
        options={[
          { value: "clean", label: "Clean cluster", description: "With a hello-world app at the cluster URL." },
          { value: "custom", label: "Custom", description: "Deploy your Helm chart or manifests." },
        ]}
      />
      {deployment === "custom" ? <CustomDeploymentFields form={form} err={err} locked={locked} /> : null}
    </>
  );
}
