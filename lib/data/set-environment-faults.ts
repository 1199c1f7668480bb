import { db } from "@/lib/db";
import { faultsSchema, type Faults } from "@/lib/engine/faults";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { getEnvironment } from "./get-environment";

/** Switches fault injection on or off for one of the user's environments (tests and demos). */
export async function setEnvironmentFaults(userId: string, name: string, input: unknown): Promise<Faults> {
  const parsed = faultsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  const env = await getEnvironment(userId, name);
  await db().environment.update({ where: { id: env.id }, data: { faults: JSON.stringify(parsed.data) } });
  return parsed.data;
}
