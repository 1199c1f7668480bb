import { z } from "@/lib/validations/zod";

/** Remove the certificate manager's certificate and domain. */
export const removeCertificateSchema = z.strictObject(
  {},
  { error: "Removing the certificate takes no parameters: send {}." },
);
