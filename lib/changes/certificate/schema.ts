import { domainNameSchema } from "@/lib/validations/domain-name";
import { z } from "@/lib/validations/zod";

/** Certificate manager: the domain to issue a Let's Encrypt certificate for (a new one replaces the old). */
export const certificateSchema = z.strictObject(
  { domain: domainNameSchema },
  { error: 'Send { "domain": "app.example.com" }.' },
);
export type CertificateInput = z.input<typeof certificateSchema>;
