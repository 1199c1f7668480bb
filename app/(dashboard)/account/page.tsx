import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensSection } from "@/components/account/api-tokens/api-tokens-section";
import { ChangePlanForm } from "@/components/account/change-plan-form";
import { DnsRecordsSection } from "@/components/account/dns-records-section";
import { WebhooksSection } from "@/components/account/webhooks-section";
import { Progress } from "@/components/ui/progress";
import { requireUser } from "@/lib/auth/require-user";
import { accountPlans } from "@/lib/catalog";
import { listApiTokens } from "@/lib/data/api-tokens/list-api-tokens";
import { findEnvironmentList } from "@/lib/data/find-environment-list";
import { getAccountUsage } from "@/lib/data/get-account-usage";
import { ingressAddressFor } from "@/lib/engine";
import { env } from "@/lib/env";
import { isTerminal } from "@/lib/environments/environment-status";
import { formatMoney } from "@/lib/format/format-money";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [usage, tokens, environments] = await Promise.all([
    getAccountUsage(user.id),
    listApiTokens(user.id),
    findEnvironmentList(user.id),
  ]);
  const clusters = environments
    .filter((e) => !isTerminal(e.status))
    .map((e) => ({ name: e.name, domain: e.domain, ingressAddress: ingressAddressFor(e.id) }));
  const q = user.plan.quotas;
  const rows = [
    { label: "Environments", used: usage.environments, limit: q.maxEnvironments, note: "in use" },
    {
      label: "Nodes per environment",
      used: usage.largestEnvironmentNodes,
      limit: q.maxNodesPerEnvironment,
      note: "largest environment",
    },
    {
      label: "Nodes per node group",
      used: usage.largestNodeGroup,
      limit: q.maxNodesPerGroup,
      note: "largest node group",
    },
    {
      label: "Cloudlets per node",
      used: usage.largestCloudletLimit,
      limit: q.maxCloudletsPerNode,
      note: "largest node limit",
    },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Account</h1>
      <section aria-labelledby="profile-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="profile-heading" className="mb-2 font-semibold">
          {user.name}
        </h2>
        <p className="text-sm text-slate-600">{user.email}</p>
        <p className="mt-2 text-sm">
          Current plan: <strong>{user.plan.name}</strong>
          {user.plan.canInstall ? "" : " (installing is locked)"} · running environments cost{" "}
          <strong>{formatMoney(usage.monthlyPrice)}</strong> per month.
        </p>
      </section>
      <section aria-labelledby="quota-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="quota-heading" className="mb-4 font-semibold">
          Quotas
        </h2>
        <p className="mb-4 text-xs text-slate-500">1 cloudlet = 128 MiB RAM + 400 MHz CPU.</p>
        <dl className="space-y-3">
          {rows.map((r) => (
            <div key={r.label} className="grid grid-cols-[1fr_auto] gap-x-4 text-sm">
              <dt>{r.label}</dt>
              <dd className="tabular-nums">
                {r.used} of {r.limit} <span className="text-slate-500">({r.note})</span>
              </dd>
              <dd className="col-span-2">
                <Progress
                  value={Math.min(100, (r.used / r.limit) * 100)}
                  label={`${r.label}: ${r.used} of ${r.limit}`}
                />
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="change-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="change-heading" className="mb-4 font-semibold">
          Change plan
        </h2>
        <ChangePlanForm plans={accountPlans} current={user.plan.id} />
      </section>
      <ApiTokensSection tokens={tokens} />
      <WebhooksSection />
      <DnsRecordsSection clusters={clusters} resolver={env().dnsResolver} />
      <section aria-labelledby="audit-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="audit-heading" className="mb-1 font-semibold">
          Audit log
        </h2>
        <p className="text-sm text-slate-600">
          Every sign-in, token, plan change, install, change, credential reveal and kubeconfig download of this account:
          who, when, from where.{" "}
          <Link className="font-medium underline" href="/account/audit">
            Open the audit log
          </Link>
        </p>
      </section>
    </div>
  );
}
