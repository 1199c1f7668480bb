import { db } from "@/lib/db";
import { faultsSchema, type Faults } from "@/lib/engine/faults";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { assertFaultInjectionEnabled } from "./assert-fault-injection-enabled";
import { getEnvironment } from "./get-environment";

/** Switches fault injection on or off for one of the user's environments (tests and demos). */
export async function setEnvironmentFaults(userId: string, name: string, input: unknown): Promise<Faults> {
  assertFaultInjectionEnabled();
  const parsed = faultsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  const environment = await getEnvironment(userId, name);
  await db().environment.update({ where: { id: environment.id }, data: { faults: JSON.stringify(parsed.data) } });
  return parsed.data;
}
