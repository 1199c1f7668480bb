"use client";

import { useCallback, useRef, useState } from "react";
import { readApiError } from "@/lib/api-v1/read-api-error";
import type { CredentialName } from "@/lib/live/status-snapshot";

export type CredentialValue = { name: CredentialName; label: string; username?: string; value: string };

/** The environment's secrets from GET /api/v1/environments/<name>/credentials, fetched once, on demand. */
export function useCredentials(name: string): {
  values: CredentialValue[] | null;
  loading: boolean;
  error: string | null;
  /** Fetches the values unless they are already here; true when they are. */
  load(): Promise<boolean>;
} {
  const [values, setValues] = useState<CredentialValue[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef<CredentialValue[] | null>(null);

  const load = useCallback(async () => {
    if (loaded.current) return true;
    setLoading(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/environments/${encodeURIComponent(name)}/credentials`, {
        cache: "no-store",
      });
      if (!response.ok) {
        setError(await readApiError(response));
        return false;
      }
      const body = (await response.json()) as { items?: CredentialValue[] };
      loaded.current = Array.isArray(body.items) ? body.items : [];
      setValues(loaded.current);
      return true;
    } catch {
      setError("Could not load the credentials. Check your connection and try again.");
      return false;
    } finally {
      setLoading(false);
    }
  }, [name]);

  return { values, loading, error, load };
}
