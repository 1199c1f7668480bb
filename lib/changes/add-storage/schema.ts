import { z } from "@/lib/validations/zod";

/** Add storage takes no parameters: the topology decides the storage nodes. */
export const addStorageSchema = z.strictObject({}, { error: "Add storage takes no parameters: send {}." });
