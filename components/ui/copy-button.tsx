"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "./button";

/** Copies `value` with navigator.clipboard and confirms with a visible, announced "Copied" (or says it could not). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [result, setResult] = useState<"copied" | "failed" | null>(null);
  useEffect(() => {
    if (result === null) return;
    const timer = setTimeout(() => setResult(null), result === "copied" ? 2500 : 6000);
    return () => clearTimeout(timer);
  }, [result]);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        aria-label={label}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setResult("copied");
          } catch {
            setResult("failed");
          }
        }}
      >
        {result === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
        Copy
      </Button>
      <span
        role="status"
        className={result === "failed" ? "text-xs text-red-700" : "text-xs font-medium text-emerald-700"}
      >
        {result === "copied" ? "Copied" : result === "failed" ? "Could not copy: select the text and copy it" : ""}
      </span>
    </span>
  );
}
