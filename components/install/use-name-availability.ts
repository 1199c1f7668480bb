"use client";
import { useEffect, useState } from "react";

export type Availability =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "available"; message: string }
  | { state: "taken"; message: string }
  | { state: "error"; message: string };

/** Checks the name with the server as the user types (debounced); stale answers are dropped. */
export function useNameAvailability(name: string, region: string, enabled: boolean): Availability {
  const [result, setResult] = useState<Availability>({ state: "idle" });
  useEffect(() => {
    if (!enabled || name === "") {
      setResult({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    setResult({ state: "checking" });
    const check = async () => {
      try {
        const res = await fetch(
          `/api/v1/environment-names?name=${encodeURIComponent(name)}&region=${encodeURIComponent(region)}`,
          { signal: controller.signal },
        );
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { available: boolean; message: string };
        setResult({ state: body.available ? "available" : "taken", message: body.message });
      } catch {
        if (!controller.signal.aborted) {
          setResult({ state: "error", message: "Could not check the name just now; it will be checked on install." });
        }
      }
    };
    const timer = setTimeout(() => void check(), 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [name, region, enabled]);
  return result;
}
