import {
  addons,
  dashboards,
  ingressControllers,
  kubernetesVersions,
  maxWorkersAtInstall,
  regions,
  topologies,
} from "@/lib/catalog";
import { z } from "@/lib/validations/zod";
import { defineOperation } from "../define-operation";

const named = { id: z.string(), name: z.string() };

/** The values the install body's fields take, with what a person needs to choose between them. */
export const catalogue = z.object({
  regions: z.array(
    z.object({
      ...named,
      location: z.string(),
      domain: z.string().describe("Environments in the region are served at <name>.<domain>."),
      available: z.boolean().describe("Whether new environments can be installed there."),
      unavailableReason: z.string().nullable(),
    }),
  ),
  kubernetesVersions: z
    .array(z.object({ id: z.string(), minor: z.string(), releasedOn: z.string(), default: z.boolean() }))
    .describe("Newest first; the first is the default."),
  topologies: z.array(
    z.object({
      id: z.enum(["development", "production"]),
      name: z.string(),
      summary: z.string(),
      controlPlanes: z.number().int(),
      apiBalancers: z.number().int(),
      minWorkers: z.number().int(),
      storageNodes: z.number().int(),
    }),
  ),
  ingressControllers: z.array(
    z.object({ ...named, version: z.string(), description: z.string(), default: z.boolean() }),
  ),
  dashboards: z.array(z.object({ ...named, version: z.string(), description: z.string(), default: z.boolean() })),
  addons: z.array(
    z.object({
      id: z.enum(["monitoring", "tracing", "remoteApi"]),
      name: z.string(),
      description: z.string(),
      requiresStorage: z.boolean(),
    }),
  ),
  maxWorkersAtInstall: z.number().int().describe("The most workers an install starts with; scale out later for more."),
});

export const catalogOperations = [
  defineOperation({
    id: "getCatalog",
    method: "GET",
    path: "/catalog",
    tag: "Catalogue",
    summary: "List what an install can choose from.",
    description:
      "Regions, Kubernetes versions, topologies, ingress controllers, dashboards and add-ons: the ids the install body's region, version, topology, ingress, dashboard and addons fields take, the defaults marked.",
    permission: "catalog:read",
    responses: { 200: { description: "The catalogue.", schema: catalogue } },
    handler: async () => ({
      status: 200,
      body: {
        regions: regions.map((r) => ({
          id: r.id,
          name: r.name,
          location: r.location,
          domain: r.domain,
          available: r.active,
          unavailableReason: r.active ? null : (r.inactiveReason ?? null),
        })),
        kubernetesVersions: kubernetesVersions.map((v, i) => ({
          id: v.id,
          minor: v.minor,
          releasedOn: v.releasedOn,
          default: i === 0,
        })),
        topologies: Object.values(topologies).map((t) => ({
          id: t.id,
          name: t.name,
          summary: t.summary,
          controlPlanes: t.controlPlanes,
          apiBalancers: t.apiBalancers,
          minWorkers: t.minWorkers,
          storageNodes: t.storageNodes,
        })),
        ingressControllers: ingressControllers.map((c, i) => ({
          id: c.id,
          name: c.name,
          version: c.version,
          description: c.description,
          default: i === 0,
        })),
        dashboards: dashboards.map((d, i) => ({
          id: d.id,
          name: d.name,
          version: d.version,
          description: d.description,
          default: i === 0,
        })),
        addons: addons.map((a) => ({
          id: a.id,
          name: a.name,
          description: a.description,
          requiresStorage: a.requiresStorage,
        })),
        maxWorkersAtInstall,
      } satisfies z.infer<typeof catalogue>,
    }),
  }),
];
