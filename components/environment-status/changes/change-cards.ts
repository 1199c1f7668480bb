import type { ComponentType } from "react";
import { AutoscalingCard } from "./autoscaling-card";
import { CertificateCard } from "./certificate-card";
import type { ChangeCardProps } from "./change-card-props";
import { MonitoringCard, TracingCard } from "./data-addon-card";
import { RegistryCard } from "./registry-card";
import { RemoteApiCard } from "./remote-api-card";
import { StorageCard } from "./storage-card";
import { VersionCard } from "./version-card";
import { WorkersCard } from "./workers-card";

/**
 * The Changes section's cards, in order, one line each. A card shows how the cluster stands on one thing and
 * owns the dialogs of the changes it offers (a card may offer several: set and remove, on and off).
 */
export const changeCards: readonly { key: string; Card: ComponentType<ChangeCardProps> }[] = [
  { key: "workers", Card: WorkersCard },
  { key: "autoscaling", Card: AutoscalingCard },
  { key: "version", Card: VersionCard },
  { key: "storage", Card: StorageCard },
  { key: "monitoring", Card: MonitoringCard },
  { key: "tracing", Card: TracingCard },
  { key: "certificate", Card: CertificateCard },
  { key: "registry", Card: RegistryCard },
  { key: "remote-api", Card: RemoteApiCard },
];
