import { changeActions, isChangeAction, type ChangeAction } from "@/lib/changes";
import { NotFoundError } from "@/lib/errors";

/** The change a URL names, or a 404 that lists the changes there are. */
export function changeActionOf(value: string): ChangeAction {
  if (isChangeAction(value)) return value;
  throw new NotFoundError(
    `There is no change called "${value.slice(0, 40)}". Changes: ${Object.keys(changeActions).join(", ")}.`,
  );
}
