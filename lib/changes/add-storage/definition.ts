import type { ChangeDefinition } from "../define-change";
import { prepareAddStorage } from "./prepare";
import { addStorageSchema } from "./schema";

export const addStorageChange: ChangeDefinition<"add-storage", typeof addStorageSchema> = {
  action: "add-storage",
  label: "Add storage",
  schema: addStorageSchema,
  api: {
    id: "AddStorage",
    summary: "Add NFS storage",
    description: "Storage nodes (GlusterFS-replicated in production), /data on every node, the default StorageClass.",
    example: {},
  },
  prepare: prepareAddStorage,
};
