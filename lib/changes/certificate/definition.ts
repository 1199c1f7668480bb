import type { ChangeDefinition } from "../define-change";
import { prepareCertificate } from "./prepare";
import { certificateSchema } from "./schema";

export const certificateChange: ChangeDefinition<"certificate", typeof certificateSchema> = {
  action: "certificate",
  label: "Certificate manager",
  schema: certificateSchema,
  api: {
    id: "SetCertificate",
    summary: "Serve a domain with a certificate",
    description: "cert-manager and a Let's Encrypt certificate for a domain of yours.",
    example: { domain: "app.example.com" },
  },
  prepare: prepareCertificate,
};
