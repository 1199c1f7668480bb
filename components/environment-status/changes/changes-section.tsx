"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { addonRequestsText } from "@/components/install/addon-requests-text";
import { findAddon, topologies, type AddonId } from "@/lib/catalog";
import type { OperationView, StatusSnapshot } from "@/lib/live/status-snapshot";
import { upgradeTargets } from "@/lib/plan";
import { StatusSection } from "../status-section";
import { AutoscalingDialog } from "./autoscaling-dialog";
import { CertificateDialog } from "./certificate-dialog";
import { ChangeCard } from "./change-card";
import { changeFailure } from "./change-failure";
import { ChangeDialog, type ChangeDialogProps } from "./change-dialog";
import { RegistryCredentialsDialog } from "./registry-credentials-dialog";
import { ScaleWorkersDialog } from "./scale-workers-dialog";
import { UpgradeDialog } from "./upgrade-dialog";

type SimpleChange = Pick<ChangeDialogProps, "action" | "title" | "description" | "body" | "confirmLabel" | "tone">;

const dataAddons: { id: Exclude<AddonId, "remoteApi">; name: string; what: string; data: string; url: "grafana" | "jaeger" }[] = [
  {
    id: "monitoring",
    name: "Monitoring",
    what: "Prometheus and Grafana with cluster dashboards, on 8 GiB and 5 GiB volumes of the NFS storage.",
    data: "Prometheus's metrics and Grafana's dashboards are deleted with it, and cannot be recovered.",
    url: "grafana",
  },
  {
    id: "tracing",
    name: "Tracing",
    what: "Jaeger distributed tracing (with cert-manager), keeping traces on a 5 GiB volume of the NFS storage.",
    data: "The stored traces are deleted with it, and cannot be recovered.",
    url: "jaeger",
  },
];

/**
 * Day 2: what can be changed on the running cluster — workers, Kubernetes version, storage, add-ons, its
 * certificate, registry credentials, remote API access — each with
 * its state, its button, and why it is not possible now when it is not. Each opens a dialog that shows the
 * plan diff before anything happens.
 */
export function ChangesSection({ snapshot, blocked, timeScale }: { snapshot: StatusSnapshot; blocked: string | null; timeScale: number }) {
  const { environment } = snapshot;
  const newest = snapshot.operations[0];
  const failureFor = (types: readonly OperationView["type"][], addonName?: string) => changeFailure(newest, types, addonName);
  const [open, setOpen] = useState<SimpleChange | "scale" | "autoscaling" | "upgrade" | "certificate" | "registry" | null>(null);

  const targets = upgradeTargets(environment.version);
  const newer = [targets.patch, targets.minor].filter((v) => v !== undefined).map((v) => `v${v}`);
  const groups = snapshot.plan.nodeGroups;
  const workers = groups.find((g) => g.id === "cp")?.nodes.map((n) => n.id) ?? [];
  const storageNodes = groups.find((g) => g.id === "storage")?.nodes.map((n) => n.id) ?? [];
  const controlPlanes = groups.find((g) => g.id === "k8sm")?.count ?? 1;
  const topology = topologies[environment.topology];
  const endpoints = snapshot.plan.endpoints;
  const certificateDomain = endpoints.custom?.replace(/^https:\/\/|\/$/g, "");
  const certificateHealth = snapshot.results?.health.find((h) => h.component === "Certificate");
  const disabled = blocked !== null;
  /** A card's Remove button: the change's dialog, as a confirmation in red; named after the dialog. */
  const removeButton = (change: Omit<SimpleChange, "tone">) => (
    <Button variant="secondary" size="sm" disabled={disabled} aria-label={change.title} onClick={() => setOpen({ ...change, tone: "danger" })}>
      Remove
    </Button>
  );
  const addStorage: SimpleChange = {
    action: "add-storage",
    title: "Add storage",
    description:
      topology.storageNodes > 1
        ? "Adds three storage nodes forming a GlusterFS replicated volume, mounts it at /data on every node, and installs the NFS provisioner as the default StorageClass."
        : "Adds an NFS storage node, mounts it at /data on every node, and installs the NFS provisioner as the default StorageClass.",
    body: {},
    confirmLabel: "Add storage",
  };

  return (
    <StatusSection id="changes" title="Changes">
      {blocked ? (
        <p className="mb-3 text-sm text-slate-600" role="note">
          {blocked}
        </p>
      ) : null}
      <ul className="flex flex-col">
        <ChangeCard
          id="change-workers"
          title="Workers"
          state={`${workers.length} (${workers.join(", ")}); scalable within your plan's quota.`}
          failure={failureFor(["scale-workers", "rollback"])}
        >
          <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen("scale")}>
            Scale workers
          </Button>
        </ChangeCard>
        <ChangeCard
          id="change-autoscaling"
          title="Worker autoscaling"
          state={
            environment.autoscaling
              ? `On: ${environment.autoscaling.minWorkers}–${environment.autoscaling.maxWorkers} workers. Workers are added when pods wait for room and removed when idle.`
              : "Off. Clusterport can add workers when pods wait for room and remove idle ones, within a range you set."
          }
          failure={failureFor(["autoscaling"])}
        >
          <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen("autoscaling")}>
            {environment.autoscaling ? "Change range" : "Turn autoscaling on"}
          </Button>
          {environment.autoscaling ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={disabled}
              aria-label="Turn worker autoscaling off"
              onClick={() =>
                setOpen({
                  action: "autoscaling",
                  title: "Turn worker autoscaling off",
                  description: "The workers stay as they are now; pods that do not fit wait Pending until you scale workers.",
                  body: { enabled: false },
                  confirmLabel: "Turn off",
                })
              }
            >
              Turn off
            </Button>
          ) : null}
        </ChangeCard>
        <ChangeCard
          id="change-version"
          title="Kubernetes version"
          state={
            newer.length > 0
              ? `v${environment.version}; ${newer.join(" or ")} available.`
              : `v${environment.version}, the newest Clusterport offers.`
          }
          failure={failureFor(["upgrade"])}
        >
          {newer.length > 0 ? (
            <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen("upgrade")}>
              Upgrade Kubernetes
            </Button>
          ) : null}
        </ChangeCard>
        <ChangeCard
          id="change-storage"
          title="NFS storage"
          failure={failureFor(["add-storage"])}
          state={
            environment.storage
              ? `On: ${storageNodes.join(", ")}${storageNodes.length > 1 ? " (GlusterFS replicated)" : ""}, the default StorageClass.`
              : "Off. Monitoring and Tracing keep their data on it."
          }
        >
          {environment.storage ? null : (
            <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen(addStorage)}>
              Add storage
            </Button>
          )}
        </ChangeCard>
        {dataAddons.map((a) => {
          const on = environment.addons[a.id];
          const url = endpoints[a.url];
          return (
            <ChangeCard
              key={a.id}
              id={`change-${a.id}`}
              title={a.name}
              failure={failureFor(["addons", "remove-addon"], a.name)}
              state={on ? (url ? `On: ${url}` : "On.") : environment.storage ? `Off. ${a.what}` : `Off. ${a.name} needs NFS storage: add storage first.`}
            >
              {on ? (
                removeButton({ action: "remove-addon", title: `Remove ${a.name}`, description: a.data, body: { addon: a.id }, confirmLabel: `Remove ${a.name}` })
              ) : environment.storage ? (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={disabled}
                  aria-label={`Activate ${a.name}`}
                  onClick={() => setOpen({ action: "addons", title: `Activate ${a.name}`, description: [a.what, addonRequestsText(findAddon(a.id)?.workloads ?? [])].filter(Boolean).join(" "), body: { [a.id]: true }, confirmLabel: `Activate ${a.name}` })}
                >
                  Activate
                </Button>
              ) : (
                <Button variant="secondary" size="sm" disabled={disabled} aria-label={`Add storage for ${a.name}`} onClick={() => setOpen(addStorage)}>
                  Add storage
                </Button>
              )}
            </ChangeCard>
          );
        })}
        <ChangeCard
          id="change-certificate"
          title="Certificate manager"
          state={
            certificateDomain
              ? certificateHealth?.status === "OK" && certificateHealth.detail?.startsWith(certificateDomain)
                ? certificateHealth.detail
                : `${certificateDomain}: being issued.`
              : "Off. A Let's Encrypt certificate for a domain of yours, served through the ingress."
          }
          failure={failureFor(["certificate", "remove-certificate"])}
        >
          <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen("certificate")}>
            {certificateDomain ? "Change domain" : "Set up"}
          </Button>
          {certificateDomain
            ? removeButton({
                action: "remove-certificate",
                title: "Remove the certificate",
                description: `https://${certificateDomain}/ stops being served by this cluster; cert-manager stays installed.`,
                body: {},
                confirmLabel: "Remove the certificate",
              })
            : null}
        </ChangeCard>
        <ChangeCard
          id="change-registry"
          title="Registry credentials"
          state={
            snapshot.registry
              ? `${snapshot.registry.registry} (user ${snapshot.registry.username}): the image pull secret of every namespace.`
              : "None: images are pulled anonymously."
          }
          failure={failureFor(["registry-credentials", "remove-registry-credentials"])}
        >
          <Button variant="secondary" size="sm" disabled={disabled} onClick={() => setOpen("registry")}>
            {snapshot.registry ? "Replace" : "Set credentials"}
          </Button>
          {snapshot.registry
            ? removeButton({
                action: "remove-registry-credentials",
                title: "Remove the registry credentials",
                description: `Pods can no longer pull private images from ${snapshot.registry.registry}; running pods keep running.`,
                body: {},
                confirmLabel: "Remove the credentials",
              })
            : null}
        </ChangeCard>
        <ChangeCard
          id="change-remote-api"
          title="Remote API access"
          failure={failureFor(["remote-api"]) ?? failureFor(["addons"], "Remote API")}
          state={environment.addons.remoteApi ? `On: ${environment.kubernetesApi} for kubectl with the admin token.` : "Off: the API is reachable only from inside the cluster's network."}
        >
          <Button
            variant="secondary"
            size="sm"
            disabled={disabled}
            onClick={() =>
              setOpen(
                environment.addons.remoteApi
                  ? {
                      action: "remote-api",
                      title: "Turn Remote API access off",
                      description: `kubectl and scripts using ${environment.kubernetesApi} stop working; the dashboard and your applications are not affected.`,
                      body: { enabled: false },
                      confirmLabel: "Turn off",
                      tone: "danger",
                    }
                  : {
                      action: "remote-api",
                      title: "Turn Remote API access on",
                      description: `Exposes the Kubernetes API at ${environment.kubernetesApi} for kubectl, authenticated with the admin token.`,
                      body: { enabled: true },
                      confirmLabel: "Turn on",
                    },
              )
            }
          >
            {environment.addons.remoteApi ? "Turn off" : "Turn on"}
          </Button>
        </ChangeCard>
      </ul>
      <ScaleWorkersDialog
        open={open === "scale"}
        onOpenChange={(next) => setOpen(next ? "scale" : null)}
        name={environment.name}
        workers={workers}
        controlPlanes={controlPlanes}
        minWorkers={topology.minWorkers}
        timeScale={timeScale}
      />
      <AutoscalingDialog
        open={open === "autoscaling"}
        onOpenChange={(next) => setOpen(next ? "autoscaling" : null)}
        name={environment.name}
        workers={workers.length}
        current={environment.autoscaling}
        timeScale={timeScale}
      />
      <UpgradeDialog
        open={open === "upgrade"}
        onOpenChange={(next) => setOpen(next ? "upgrade" : null)}
        name={environment.name}
        version={environment.version}
        workers={workers.length}
        timeScale={timeScale}
      />
      <CertificateDialog
        open={open === "certificate"}
        onOpenChange={(next) => setOpen(next ? "certificate" : null)}
        name={environment.name}
        clusterDomain={environment.domain}
        ingressAddress={environment.ingressAddress}
        current={certificateDomain}
        timeScale={timeScale}
      />
      <RegistryCredentialsDialog
        open={open === "registry"}
        onOpenChange={(next) => setOpen(next ? "registry" : null)}
        name={environment.name}
        current={snapshot.registry}
        timeScale={timeScale}
      />
      {open !== null && typeof open !== "string" ? (
        <ChangeDialog open onOpenChange={(next) => !next && setOpen(null)} name={environment.name} timeScale={timeScale} {...open} />
      ) : null}
    </StatusSection>
  );
}
