import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EnvironmentStatusPage } from "@/components/environment-status/environment-status-page";
import { requireUser } from "@/lib/auth/require-user";
import { getStatusSnapshot } from "@/lib/data/get-status-snapshot";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";

type Params = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).name };
}

/** The page a person keeps open while their cluster is built; only its owner can see it (404 otherwise). */
export default async function EnvironmentPage({ params }: Params) {
  const { name } = await params;
  const user = await requireUser(`/environments/${name}`);
  const { snapshot, logs, plan } = await getStatusSnapshot(user.id, name).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const timeScale = env().engine.timeScale;
  return <EnvironmentStatusPage initial={snapshot} initialLogs={logs} timeScale={timeScale} installPlan={plan} />;
}
