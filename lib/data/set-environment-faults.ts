import "server-only";
import { database } from "@/lib/db/database";
import { faultsSchema, setEnvironmentFaults as storeFaults, type Faults } from "@/lib/engine";
import { ValidationError, fieldErrorsFromIssues } from "@/lib/errors";
import { assertFaultInjectionEnabled } from "./assert-fault-injection-enabled";
import { getEnvironment } from "./get-environment";

/** Switches fault injection on or off for one of the user's environments (tests and demos). */
export async function setEnvironmentFaults(userId: string, name: string, input: unknown): Promise<Faults> {
  assertFaultInjectionEnabled();
  const parsed = faultsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  const environment = await getEnvironment(userId, name);
  await storeFaults(database(), environment.id, parsed.data, userId, new Date());
  return parsed.data;
}
