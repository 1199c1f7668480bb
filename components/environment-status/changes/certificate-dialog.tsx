"use client";

import { useEffect, useState } from "react";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { domainNameProblem } from "@/lib/validations/domain-name";
import { ChangeDialog } from "./change-dialog";

/**
 * Certificate manager: a domain of the person's own; the rule a name breaks is shown as they type (the same
 * check the server makes). The domain must resolve to the cluster's ingress address for Let's Encrypt's HTTP-01
 * challenge: the dialog says which record to create, and the certificate waits for it.
 */
export function CertificateDialog({
  open,
  onOpenChange,
  name,
  clusterDomain,
  ingressAddress,
  current,
  timeScale,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  name: string;
  clusterDomain: string;
  ingressAddress: string;
  current: string | undefined;
  timeScale: number;
}) {
  const [domain, setDomain] = useState("");
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (open) {
      setDomain("");
      setTouched(false);
    }
  }, [open]);
  const problem = domainNameProblem(domain);
  const description = (
    <>
      Point it at the cluster: an A record to {ingressAddress} or a CNAME to {clusterDomain} (
      <a href="/account#dns-heading" className="underline">
        DNS records
      </a>{" "}
      on the Account page). Let&apos;s Encrypt checks it through the ingress; until it resolves here, the certificate waits (about an hour).
    </>
  );
  return (
    <ChangeDialog
      open={open}
      onOpenChange={onOpenChange}
      name={name}
      action="certificate"
      title={current ? "Change the certificate's domain" : "Certificate manager"}
      description={
        current
          ? `The certificate for ${current} is replaced by one for the new domain.`
          : "Installs cert-manager with the Let's Encrypt issuer and serves your domain with its own certificate, renewed automatically."
      }
      body={problem ? null : { domain }}
      confirmLabel="Issue certificate"
      timeScale={timeScale}
    >
      {(fieldErrors) => {
        const error = (touched || domain !== "") && problem ? problem : fieldErrors.domain;
        return (
          <Field id="certificate-domain" label="Domain" description={description} error={error}>
            <Input
              value={domain}
              placeholder="app.example.com"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setDomain(e.target.value)}
              onBlur={() => setTouched(true)}
              {...fieldAria("certificate-domain", { error, description })}
            />
          </Field>
        );
      }}
    </ChangeDialog>
  );
}
