import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { LinkButton } from "@/components/ui/link-button";

export const metadata: Metadata = { title: "Page not found" };

/** Any address that names nothing here — a mistyped link, an environment that is not yours, a malformed path. */
export default async function NotFound() {
  // Rendered per request, never prerendered: its scripts need this response's CSP nonce.
  await connection();
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Link href="/" className="mb-8 flex items-center gap-2 text-xl font-semibold text-slate-900">
        <img src="/icons/clusterport.svg" alt="" width={32} height={32} />
        Clusterport
      </Link>
      <main className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        <h1 className="mb-2 text-xl font-semibold">Page not found</h1>
        <p className="mb-6 text-sm text-slate-600">
          There is nothing at this address, or it belongs to another account. Check the link, or start from your environments.
        </p>
        <div className="flex justify-center gap-3">
          <LinkButton href="/environments">Your environments</LinkButton>
          <LinkButton href="/marketplace" variant="secondary">
            Marketplace
          </LinkButton>
        </div>
      </main>
    </div>
  );
}
