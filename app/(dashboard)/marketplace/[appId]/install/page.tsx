import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InstallDialog } from "@/components/install/install-dialog";
import { Catalogue } from "@/components/marketplace/catalogue";
import { requireUser } from "@/lib/auth/require-user";
import { findApp, regions } from "@/lib/catalog";
import { countActiveEnvironments } from "@/lib/data/count-active-environments";
import { suggestEnvironmentName } from "@/lib/data/suggest-environment-name";
import { env } from "@/lib/env";
import { kubernetesApiUrl } from "@/lib/kube-api/kubernetes-api-url";

export const metadata: Metadata = { title: "Install Kubernetes Cluster" };

/** The install dialog has its own URL, so a reload or a shared link reopens it over the Marketplace. */
export default async function InstallPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const app = findApp(appId);
  if (!app) notFound();
  const user = await requireUser(`/marketplace/${appId}/install`);
  const region = regions.find((r) => r.active)!.id;
  const [environmentsInUse, suggestedName] = await Promise.all([
    countActiveEnvironments(user.id),
    suggestEnvironmentName(user.id, region),
  ]);
  return (
    <>
      <Catalogue />
      <InstallDialog
        app={app}
        accountPlan={user.plan}
        environmentsInUse={environmentsInUse}
        suggestedName={suggestedName}
        defaultRegion={region}
        timeScale={env().engine.timeScale}
        kubernetesApi={kubernetesApiUrl("<cluster id>")}
      />
    </>
  );
}
