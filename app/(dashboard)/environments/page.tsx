import { Boxes } from "lucide-react";
import type { Metadata } from "next";
import { EnvironmentList } from "@/components/environments/environment-list";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { requireUser } from "@/lib/auth/require-user";
import { findEnvironmentList } from "@/lib/data/find-environment-list";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage() {
  const user = await requireUser("/environments");
  const environments = await findEnvironmentList(user.id);
  return (
    <div>
      <div className="mb-6 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Environments</h1>
        <LinkButton href="/marketplace/kubernetes-cluster/install">New Kubernetes cluster</LinkButton>
      </div>
      {environments.length === 0 ? (
        <EmptyState
          icon={<Boxes aria-hidden="true" />}
          title="No environments yet"
          text="Install a Kubernetes cluster from the Marketplace; it appears here while it is built."
          action={<LinkButton href="/marketplace">Open the Marketplace</LinkButton>}
        />
      ) : (
        <EnvironmentList initial={environments} />
      )}
    </div>
  );
}
