import "server-only";
import { env } from "@/lib/env";
import { ForbiddenError, ValidationError } from "@/lib/errors";

const off = "Fault injection is turned off on this server. It is for tests and demos; an operator enables it with FAULT_INJECTION=true.";

/**
 * Fault injection makes installs fail on purpose: a test and demo tool that must not be open to every user of
 * a production server. `field` names the request field that asked for it (a 400 on that field), else 403.
 */
export function assertFaultInjectionEnabled(field?: string): void {
  if (env().faultInjection) return;
  throw field ? new ValidationError({ [field]: off }, off) : new ForbiddenError(off);
}
