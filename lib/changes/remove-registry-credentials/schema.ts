import { z } from "@/lib/validations/zod";

/** Remove the registry credentials. */
export const removeRegistryCredentialsSchema = z.strictObject(
  {},
  { error: "Removing registry credentials takes no parameters: send {}." },
);
