import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** The brand above a single centred card: sign-in, sign-up and the not-found page. */
export function CenteredPage({ children, width = "sm" }: { children: ReactNode; width?: "sm" | "md" }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 flex items-center gap-2 text-xl font-semibold text-slate-900">
        <img src="/icons/clusterport.svg" alt="" width={32} height={32} />
        Clusterport
      </Link>
      <main
        className={cn(
          "w-full rounded-lg border border-slate-200 bg-white p-6 shadow-sm",
          width === "sm" ? "max-w-sm" : "max-w-md text-center",
        )}
      >
        {children}
      </main>
    </div>
  );
}
