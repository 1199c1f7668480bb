import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/link-button";
import { kubernetesVersions, type AppPackage } from "@/lib/catalog";

const versionRange = `Kubernetes ${kubernetesVersions.at(-1)!.minor} – ${kubernetesVersions[0]!.minor}`;

export function PackageCard({ app, categoryName }: { app: AppPackage; categoryName: string }) {
  return (
    <article
      aria-labelledby={`app-${app.id}`}
      className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="mb-3 flex items-start gap-3">
        <img src={app.icon} alt="" width={44} height={44} />
        <div>
          <h2 id={`app-${app.id}`} className="font-semibold">
            {app.name}
          </h2>
          <Badge tone="neutral">{categoryName}</Badge>
        </div>
      </div>
      <p className="mb-3 flex-1 text-sm text-slate-600">{app.shortDescription}</p>
      <p className="mb-4 text-xs text-slate-500">{versionRange}</p>
      <LinkButton href={`/marketplace/${app.id}/install`} aria-label={`Install ${app.name}`}>
        Install
      </LinkButton>
    </article>
  );
}
