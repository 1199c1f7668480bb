"use client";

import { useEffect, useState } from "react";
import { readApiErrorDetail, type ApiErrorDetail } from "@/lib/api-v1/read-api-error";
import type { PlanDiff } from "@/lib/plan";

export type ChangePreview = { summary: string; diff: PlanDiff; problems: string[] };

export const unreachable = "Could not reach Clusterport. Check your connection and try again.";

/**
 * What a change would do, from POST …/changes/<action>/preview, fetched again (after a short pause) whenever the
 * parameters change. `body` null means "nothing to ask yet" (the dialog is closed).
 */
export function useChangePreview(
  name: string,
  action: string,
  body: unknown,
): { preview: ChangePreview | null; error: ApiErrorDetail | null; loading: boolean } {
  const key = body === null ? null : JSON.stringify(body);
  const [state, setState] = useState<{
    key: string | null;
    preview: ChangePreview | null;
    error: ApiErrorDetail | null;
  }>({ key: null, preview: null, error: null });

  useEffect(() => {
    if (key === null) return;
    const abort = new AbortController();
    const ask = async () => {
      try {
        const response = await fetch(`/api/v1/environments/${encodeURIComponent(name)}/changes/${action}/preview`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: key,
          signal: abort.signal,
        });
        if (response.ok) setState({ key, preview: (await response.json()) as ChangePreview, error: null });
        else setState({ key, preview: null, error: await readApiErrorDetail(response) });
      } catch {
        if (!abort.signal.aborted) setState({ key, preview: null, error: { message: unreachable, fieldErrors: {} } });
      }
    };
    const timer = setTimeout(() => void ask(), 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [name, action, key]);

  const current = state.key === key;
  return {
    preview: current ? state.preview : null,
    error: current ? state.error : null,
    loading: key !== null && !current,
  };
}
