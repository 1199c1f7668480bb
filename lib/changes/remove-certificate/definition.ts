import type { ChangeDefinition } from "../define-change";
import { prepareRemoveCertificate } from "./prepare";
import { removeCertificateSchema } from "./schema";

export const removeCertificateChange: ChangeDefinition<"remove-certificate", typeof removeCertificateSchema> = {
  action: "remove-certificate",
  label: "Remove certificate",
  schema: removeCertificateSchema,
  api: {
    id: "RemoveCertificate",
    summary: "Remove the certificate",
    description: "The domain is no longer served; cert-manager stays.",
    example: {},
  },
  prepare: prepareRemoveCertificate,
};
