import type { ComponentType } from "react";
import { AutoscalingCard } from "./autoscaling-card";
import { CertificateCard } from "./certificate-card";
import type { ChangeCardProps } from "./change-card-props";
import { DataAddonCard, type DataAddon } from "./data-addon-card";
import { RegistryCard } from "./registry-card";
import { RemoteApiCard } from "./remote-api-card";
import { StorageCard } from "./storage-card";
import { VersionCard } from "./version-card";
import { WorkersCard } from "./workers-card";

const monitoring: DataAddon = {
  id: "monitoring",
  name: "Monitoring",
  what: "Prometheus and Grafana with cluster dashboards, on 8 GiB and 5 GiB volumes of the NFS storage.",
  data: "Prometheus's metrics and Grafana's dashboards are deleted with it, and cannot be recovered.",
  url: "grafana",
};

const tracing: DataAddon = {
  id: "tracing",
  name: "Tracing",
  what: "Jaeger distributed tracing (with cert-manager), keeping traces on a 5 GiB volume of the NFS storage.",
  data: "The stored traces are deleted with it, and cannot be recovered.",
  url: "jaeger",
};

/**
 * The Changes section's cards, in order, one line each. A card shows how the cluster stands on one thing and
 * owns the dialogs of the changes it offers (a card may offer several: set and remove, on and off).
 */
export const changeCards: readonly { key: string; Card: ComponentType<ChangeCardProps> }[] = [
  { key: "workers", Card: WorkersCard },
  { key: "autoscaling", Card: AutoscalingCard },
  { key: "version", Card: VersionCard },
  { key: "storage", Card: StorageCard },
  { key: "monitoring", Card: (props) => <DataAddonCard addon={monitoring} {...props} /> },
  { key: "tracing", Card: (props) => <DataAddonCard addon={tracing} {...props} /> },
  { key: "certificate", Card: CertificateCard },
  { key: "registry", Card: RegistryCard },
  { key: "remote-api", Card: RemoteApiCard },
];
