import { changeActions } from "@/lib/changes";

/** Why nothing answers at a path, in words: an unknown change is named with the changes there are. */
export function noOperationDetail(path: string): string {
  const change = /^\/environments\/[^/]+\/changes\/([^/]+)(?:\/preview)?$/.exec(path)?.[1];
  if (change !== undefined)
    return `There is no change called "${change.slice(0, 40)}". Changes: ${Object.keys(changeActions).join(", ")}.`;
  return `There is no API operation at ${path.slice(0, 200)}: see /api/v1/openapi.json.`;
}
