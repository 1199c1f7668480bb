"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ChangeCard } from "./change-card";
import { cardFailure, type ChangeCardProps } from "./change-card-props";
import { RegistryCredentialsDialog } from "./registry-credentials-dialog";
import { RemoveButton } from "./remove-button";
import { useSimpleChange } from "./use-simple-change";

/** Registry credentials: the registry and user pods pull private images as, or none. */
export function RegistryCard({ snapshot, disabled, timeScale }: ChangeCardProps) {
  const [open, setOpen] = useState(false);
  const { environment, registry } = snapshot;
  const simple = useSimpleChange(environment.name, timeScale);
  return (
    <>
      <ChangeCard
        id="change-registry"
        title="Registry credentials"
        state={
          registry
            ? `${registry.registry} (user ${registry.username}): the image pull secret of every namespace.`
            : "None: images are pulled anonymously."
        }
        failure={cardFailure(snapshot, ["registry-credentials", "remove-registry-credentials"])}
      >
        <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen(true)}>
          {registry ? "Replace" : "Set credentials"}
        </Button>
        {registry ? (
          <RemoveButton
            change={{
              action: "remove-registry-credentials",
              title: "Remove the registry credentials",
              description: `Pods can no longer pull private images from ${registry.registry}; running pods keep running.`,
              body: {},
              confirmLabel: "Remove the credentials",
            }}
            disabled={disabled}
            open={simple.open}
          />
        ) : null}
      </ChangeCard>
      <RegistryCredentialsDialog
        open={open}
        onOpenChange={setOpen}
        name={environment.name}
        current={registry}
        timeScale={timeScale}
      />
      {simple.dialog}
    </>
  );
}
