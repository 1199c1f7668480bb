"use client";

import { useCallback, useEffect, useState } from "react";
import { readApiError } from "@/lib/api-v1/read-api-error";
import type { EnvironmentStatus } from "@/lib/environments/environment-status";

export type EnvironmentActionKind = "cancel" | "retry" | "rollback" | "delete";

export type EnvironmentAction = {
  /** Sends the request; true when the API accepted it (the live feed then brings the new state). */
  run(kind: EnvironmentActionKind): Promise<boolean>;
  /** The action whose request is in flight. */
  pending: EnvironmentActionKind | null;
  /** True from a request until the environment's status changes (so a second click cannot race the first). */
  busy: boolean;
  /** The API's refusal in words (e.g. a 409's message), until the next action or clearError. */
  error: string | null;
  clearError(): void;
};

/** POST …/cancel, …/retry, …/rollback, DELETE …: the header's and the failure panel's actions. */
export function useEnvironmentAction(name: string, status: EnvironmentStatus): EnvironmentAction {
  const [pending, setPending] = useState<EnvironmentActionKind | null>(null);
  const [acceptedIn, setAcceptedIn] = useState<EnvironmentStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The accepted request took effect (or never will): let the buttons work again.
  useEffect(() => {
    if (acceptedIn === null) return;
    if (acceptedIn !== status) {
      setAcceptedIn(null);
      return;
    }
    const timer = setTimeout(() => setAcceptedIn(null), 15_000);
    return () => clearTimeout(timer);
  }, [acceptedIn, status]);

  const run = useCallback(
    async (kind: EnvironmentActionKind) => {
      const base = `/api/v1/environments/${encodeURIComponent(name)}`;
      setPending(kind);
      setError(null);
      try {
        const response = await fetch(kind === "delete" ? base : `${base}/${kind}`, {
          method: kind === "delete" ? "DELETE" : "POST",
        });
        if (!response.ok) {
          setError(await readApiError(response));
          return false;
        }
        setAcceptedIn(status);
        return true;
      } catch {
        setError("Could not reach Clusterport. Check your connection and try again.");
        return false;
      } finally {
        setPending(null);
      }
    },
    [name, status],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, busy: pending !== null || acceptedIn === status, error, clearError };
}
