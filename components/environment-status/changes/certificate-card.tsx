"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CertificateDialog } from "./certificate-dialog";
import { ChangeCard } from "./change-card";
import { cardFailure, type ChangeCardProps } from "./change-card-props";
import { RemoveButton } from "./remove-button";
import { useSimpleChange } from "./use-simple-change";

/** Certificate manager: the domain served with its certificate (issued, or being issued), or off. */
export function CertificateCard({ snapshot, disabled, timeScale }: ChangeCardProps) {
  const [open, setOpen] = useState(false);
  const { environment } = snapshot;
  const simple = useSimpleChange(environment.name, timeScale);
  const domain = snapshot.plan.endpoints.custom?.replace(/^https:\/\/|\/$/g, "");
  const health = snapshot.results?.health.find((h) => h.component === "Certificate");
  return (
    <>
      <ChangeCard
        id="change-certificate"
        title="Certificate manager"
        state={
          domain
            ? health?.status === "OK" && health.detail?.startsWith(domain)
              ? health.detail
              : `${domain}: being issued.`
            : "Off. A Let's Encrypt certificate for a domain of yours, served through the ingress."
        }
        failure={cardFailure(snapshot, ["certificate", "remove-certificate"])}
      >
        <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen(true)}>
          {domain ? "Change domain" : "Set up"}
        </Button>
        {domain ? (
          <RemoveButton
            change={{
              action: "remove-certificate",
              title: "Remove the certificate",
              description: `https://${domain}/ stops being served by this cluster; cert-manager stays installed.`,
              body: {},
              confirmLabel: "Remove the certificate",
            }}
            disabled={disabled}
            open={simple.open}
          />
        ) : null}
      </ChangeCard>
      <CertificateDialog
        open={open}
        onOpenChange={setOpen}
        name={environment.name}
        clusterDomain={environment.domain}
        ingressAddress={environment.ingressAddress}
        current={domain}
        timeScale={timeScale}
      />
      {simple.dialog}
    </>
  );
}
