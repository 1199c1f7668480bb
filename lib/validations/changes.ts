import { workerCount } from "./autoscaling";
import { domainNameSchema } from "./domain-name";
import { z } from "./zod";

const nodeIdPattern = /^cp-\d{1,4}$/;

/** Scale workers: the new count; when scaling in, optionally which workers go (default: the newest). */
export const scaleWorkersSchema = z.strictObject(
  {
    workers: z
      .number({ error: "Enter the number of workers." })
      .int({ error: "Enter a whole number of workers." })
      .min(1, { error: "At least 1 worker is needed." })
      .max(100, { error: "Enter at most 100 workers." }),
    remove: z
      .array(z.string().regex(nodeIdPattern, { error: "Name workers by their node id, e.g. cp-2." }), { error: "List the workers to remove by node id." })
      .max(100)
      .optional(),
  },
  { error: 'Send { "workers": <number>, "remove"?: ["cp-2", …] }.' },
);
export type ScaleWorkersInput = z.infer<typeof scaleWorkersSchema>;

/** Add storage takes no parameters: the topology decides the storage nodes. */
export const addStorageSchema = z.strictObject({}, { error: "Add storage takes no parameters: send {}." });

/** Remove one add-on that keeps data (its data goes with it). */
export const removeAddonSchema = z.strictObject(
  { addon: z.enum(["monitoring", "tracing"], { error: "Choose Monitoring or Tracing." }) },
  { error: 'Send { "addon": "monitoring" } or { "addon": "tracing" }.' },
);
export type RemoveAddonInput = z.infer<typeof removeAddonSchema>;

/** Remote API access on or off. */
export const remoteApiSchema = z.strictObject(
  { enabled: z.boolean({ error: "enabled must be true or false." }) },
  { error: 'Send { "enabled": true } or { "enabled": false }.' },
);
export type RemoteApiInput = z.infer<typeof remoteApiSchema>;

/** Upgrade Kubernetes to one of the versions offered (the latest patch, or the next minor). */
export const upgradeSchema = z.strictObject(
  { version: z.string({ error: "Choose the version to upgrade to." }).regex(/^\d+\.\d+\.\d+$/, { error: "Use a version like 1.37.1." }) },
  { error: 'Send { "version": "1.37.1" }.' },
);
export type UpgradeInput = z.infer<typeof upgradeSchema>;

/** Certificate manager: the domain to issue a Let's Encrypt certificate for (a new one replaces the old). */
export const certificateSchema = z.strictObject(
  { domain: domainNameSchema },
  { error: 'Send { "domain": "app.example.com" }.' },
);
export type CertificateInput = z.input<typeof certificateSchema>;

/** Remove the certificate manager's certificate and domain. */
export const removeCertificateSchema = z.strictObject({}, { error: "Removing the certificate takes no parameters: send {}." });

const registryPattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?(\/[a-z0-9._-]+)*\/?$/;

/** Registry credentials: applied as an image pull secret in every namespace; replacing them overwrites. */
export const registryCredentialsSchema = z.strictObject(
  {
    registry: z
      .string({ error: "Enter the registry, e.g. ghcr.io." })
      .trim()
      .toLowerCase()
      .transform((v) => v.replace(/^https?:\/\//, ""))
      .refine((v) => v !== "", { error: "Enter the registry, e.g. ghcr.io." })
      .refine((v) => v.length <= 253 && registryPattern.test(v), {
        error: "Enter the registry's host name, optionally with a port, e.g. ghcr.io or registry.example.com:5000.",
      }),
    username: z
      .string({ error: "Enter the username." })
      .trim()
      .min(1, { error: "Enter the username." })
      .max(255, { error: "Use at most 255 characters." })
      .refine((v) => !/[\s\p{Cc}]/u.test(v), { error: "A username has no spaces or control characters." }),
    password: z
      .string({ error: "Enter the password or access token." })
      .min(1, { error: "Enter the password or access token." })
      .max(4096, { error: "Use at most 4096 characters." })
      .refine((v) => !/\p{Cc}/u.test(v), { error: "A password has no control characters (such as line breaks)." }),
    email: z
      .string({ error: "Enter an e-mail address, or leave it empty." })
      .trim()
      .max(254, { error: "Use at most 254 characters." })
      .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: "Enter an e-mail address like you@example.com, or leave it empty." })
      .optional()
      .default(""),
  },
  { error: 'Send { "registry", "username", "password", "email"? }.' },
);
export type RegistryCredentialsInput = z.input<typeof registryCredentialsSchema>;

/** Remove the registry credentials. */
export const removeRegistryCredentialsSchema = z.strictObject({}, { error: "Removing registry credentials takes no parameters: send {}." });

/** Worker autoscaling: on with its range (a new range replaces the old), or off. */
export const autoscalingSchema = z.discriminatedUnion(
  "enabled",
  [
    z
      .strictObject({ enabled: z.literal(true), minWorkers: workerCount("minimum"), maxWorkers: workerCount("maximum") })
      .refine((r) => r.maxWorkers >= r.minWorkers, { path: ["maxWorkers"], error: "Maximum workers must be at least Minimum workers." }),
    z.strictObject({ enabled: z.literal(false) }),
  ],
  { error: 'Send { "enabled": true, "minWorkers": 1, "maxWorkers": 5 } or { "enabled": false }.' },
);
export type AutoscalingInput = z.infer<typeof autoscalingSchema>;
