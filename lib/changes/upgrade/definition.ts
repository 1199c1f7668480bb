import type { ChangeDefinition } from "../define-change";
import { prepareUpgrade } from "./prepare";
import { upgradeSchema } from "./schema";

export const upgradeChange: ChangeDefinition<"upgrade", typeof upgradeSchema> = {
  action: "upgrade",
  label: "Upgrade Kubernetes",
  schema: upgradeSchema,
  api: {
    id: "Upgrade",
    summary: "Upgrade Kubernetes",
    description: "To the latest patch or the next minor: control planes one at a time, then workers.",
    example: { version: "1.37.1" },
  },
  prepare: prepareUpgrade,
};
