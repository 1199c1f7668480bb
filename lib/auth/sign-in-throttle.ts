import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Throttles repeated failed sign-ins per e-mail address: after SIGN_IN_MAX_FAILURES failures within the lock
 * window the address is locked for SIGN_IN_LOCK_MINUTES. Keyed by e-mail, not client address, because a
 * forwarded-for header is the client's to forge. State is in the database so every process sees it.
 */
export async function assertSignInAllowed(email: string, now = new Date()): Promise<void> {
  const row = await db().signInThrottle.findUnique({ where: { key: keyOf(email) } });
  if (row?.lockedUntil && row.lockedUntil > now) {
    const minutes = Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000));
    throw new SignInLockedError(minutes);
  }
}

export async function recordSignInFailure(email: string, now = new Date()): Promise<void> {
  const { signInMaxFailures, signInLockMinutes } = env();
  const windowMs = signInLockMinutes * 60_000;
  const key = keyOf(email);
  const row = await db().signInThrottle.findUnique({ where: { key } });
  const fresh = !row || now.getTime() - row.windowStart.getTime() > windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const lockedUntil = failures >= signInMaxFailures ? new Date(now.getTime() + windowMs) : null;
  await db().signInThrottle.upsert({
    where: { key },
    create: { key, failures, windowStart: now, lockedUntil },
    update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil },
  });
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { key: keyOf(email) } });
}

export class SignInLockedError extends Error {
  constructor(readonly minutes: number) {
    super(
      `Too many failed sign-ins for this e-mail address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
}

function keyOf(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}
