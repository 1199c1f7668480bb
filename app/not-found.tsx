import type { Metadata } from "next";
import { connection } from "next/server";
import { CenteredPage } from "@/components/layout/centered-page";
import { LinkButton } from "@/components/ui/link-button";

export const metadata: Metadata = { title: "Page not found" };

/** Any address that names nothing here — a mistyped link, an environment that is not yours, a malformed path. */
export default async function NotFound() {
  // Rendered per request, never prerendered: its scripts need this response's CSP nonce.
  await connection();
  return (
    <CenteredPage width="md">
      <h1 className="mb-2 text-xl font-semibold">Page not found</h1>
      <p className="mb-6 text-sm text-slate-600">
        There is nothing at this address, or it belongs to another account. Check the link, or start from your
        environments.
      </p>
      <div className="flex justify-center gap-3">
        <LinkButton href="/environments">Your environments</LinkButton>
        <LinkButton href="/marketplace" variant="secondary">
          Marketplace
        </LinkButton>
      </div>
    </CenteredPage>
  );
}
