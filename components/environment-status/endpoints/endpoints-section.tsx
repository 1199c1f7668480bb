import type { Endpoints } from "@/lib/plan";
import { StatusSection } from "../status-section";
import { endpointLabels } from "./endpoint-labels";

/**
 * The running cluster's URLs (those present), each opening in a new tab; the API server is for kubectl, so plain
 * text. Then the ingress address, where a domain of the user's must point (an A record) for its certificate.
 */
export function EndpointsSection({ endpoints, ingressAddress }: { endpoints: Endpoints; ingressAddress: string }) {
  return (
    <StatusSection id="endpoints" title="Endpoints">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
        {endpointLabels.map(({ key, label }) => {
          const url = endpoints[key];
          if (!url) return null;
          return (
            <div key={key} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-mono text-xs leading-5 break-all">
                {key === "apiServer" ? (
                  url
                ) : (
                  <a
                    href={url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="text-blue-700 underline hover:text-blue-900"
                  >
                    {url}
                    <span className="sr-only"> ({label}, opens in a new tab)</span>
                  </a>
                )}
              </dd>
            </div>
          );
        })}
        <div className="contents">
          <dt className="text-slate-500">Ingress address</dt>
          <dd className="font-mono text-xs leading-5 break-all">{ingressAddress}</dd>
        </div>
      </dl>
    </StatusSection>
  );
}
