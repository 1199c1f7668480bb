"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { certificateSchema, type CertificateInput } from "@/lib/changes/certificate/schema";
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
  // Checked as typed and on leaving the field: the rule a name breaks shows at once.
  const form = useForm<CertificateInput>({
    resolver: zodResolver(certificateSchema),
    defaultValues: { domain: "" },
    mode: "all",
  });
  const { control, register, reset, formState } = form;
  const values = useWatch({ control });
  useEffect(() => {
    if (open) reset({ domain: "" });
  }, [open, reset]);
  const parsed = certificateSchema.safeParse(values);
  const description = (
    <>
      Point it at the cluster: an A record to {ingressAddress} or a CNAME to {clusterDomain} (
      <a href="/account#dns-heading" className="underline">
        DNS records
      </a>{" "}
      on the Account page). Let&apos;s Encrypt checks it through the ingress; until it resolves here, the certificate
      waits (about an hour).
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
      body={parsed.success ? parsed.data : null}
      confirmLabel="Issue certificate"
      timeScale={timeScale}
    >
      {(fieldErrors) => {
        const error = formState.errors.domain?.message ?? fieldErrors.domain;
        return (
          <Field id="certificate-domain" label="Domain" description={description} error={error}>
            <Input
              placeholder="app.example.com"
              autoComplete="off"
              spellCheck={false}
              {...register("domain")}
              {...fieldAria("certificate-domain", { error, description })}
            />
          </Field>
        );
      }}
    </ChangeDialog>
  );
}
