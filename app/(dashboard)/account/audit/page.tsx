import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/account/audit/audit-filters";
import { AuditTable } from "@/components/account/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/require-user";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { auditFilterSchema } from "@/lib/validations/audit-filter";

export const metadata: Metadata = { title: "Audit log" };

const pageSize = 50;

type Search = Record<string, string | string[] | undefined>;

/** The account's audit log, newest first, filtered by the query string (so a filtered view can be linked). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("/account/audit");
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const parsed = auditFilterSchema.safeParse({
    action: one("action"),
    target: one("target"),
    outcome: one("outcome") || undefined,
    from: one("from"),
    to: one("to"),
  });
  const filter = parsed.success ? parsed.data : {};
  const before = one("before");
  const page = await listAuditEvents(user.id, filter, {
    limit: pageSize,
    ...(before && /^\d+$/.test(before) ? { before } : {}),
  });
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const older = page.more
    ? `/account/audit?${new URLSearchParams([...query, ["before", page.items.at(-1)!.id]])}`
    : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <Link className="text-sm underline" href="/account">
          Back to Account
        </Link>
      </div>
      <AuditFilters filter={filter} exportHref={`/api/v1/audit/export?${query}`} />
      {parsed.success ? null : <Alert tone="danger">{parsed.error.issues[0]?.message ?? "Check the filters."}</Alert>}
      <AuditTable events={page.items} />
      <nav aria-label="Audit log pages" className="flex gap-3 text-sm">
        {before ? (
          <Link className="underline" href={`/account/audit?${query}`}>
            Newest
          </Link>
        ) : null}
        {older ? (
          <Link className="underline" href={older}>
            Older events
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
