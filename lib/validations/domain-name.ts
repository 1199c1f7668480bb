import { regions } from "@/lib/catalog";
import { z } from "./zod";

/**
 * Why a name cannot be a certificate's domain, naming the rule it breaks; undefined when it can. The name is
 * checked as typed after trimming and lower-casing (DNS is case-insensitive).
 */
export function domainNameProblem(input: string): string | undefined {
  const problem = hostNameProblem(input);
  if (problem) return problem;
  const name = input.trim().toLowerCase();
  const ours = regions.find((r) => name === r.domain || name.endsWith(`.${r.domain}`));
  if (ours) return `Names under ${ours.domain} are Clusterport's; use a domain you own.`;
  return undefined;
}

/**
 * Why a name is no fully qualified host name, naming the rule it breaks (Clusterport's own names allowed: a
 * CNAME may point at a cluster's name); undefined when it is one.
 */
export function hostNameProblem(input: string): string | undefined {
  const name = input.trim().toLowerCase();
  if (name === "") return "Enter a domain name, e.g. app.example.com.";
  if (name.includes("://") || name.includes("/"))
    return "Enter the name only, without https:// or a path, e.g. app.example.com.";
  if (name.startsWith("*.")) {
    return "Wildcard names need a DNS-01 challenge; the certificate manager proves the name through the ingress (HTTP-01), one name at a time.";
  }
  if (name.length > 253) return `A domain name has at most 253 characters; this one has ${name.length}.`;
  if (/[^\x00-\x7f]/.test(name)) return "Write an internationalised name in its ASCII form (xn--…), as DNS stores it.";
  const labels = name.split(".");
  if (labels.some((l) => l === "")) return "Labels between dots cannot be empty: no leading, trailing or double dots.";
  if (labels.length < 2) return "Use a fully qualified name with at least one dot, e.g. app.example.com.";
  for (const label of labels) {
    if (label.length > 63)
      return `Each label between dots has at most 63 characters; "${label.slice(0, 12)}…" has ${label.length}.`;
    const bad = /[^a-z0-9-]/.exec(label);
    if (bad) return `Use only letters, digits and hyphens between the dots; "${bad[0]}" is not allowed.`;
    if (label.startsWith("-") || label.endsWith("-")) return `A label cannot start or end with a hyphen ("${label}").`;
  }
  if (/^\d+$/.test(labels.at(-1)!)) return "The last label cannot be all digits: an IP address is not a domain name.";
  return undefined;
}

/** A certificate's domain: a DNS name you own, lower-cased. */
export const domainNameSchema = z
  .string({ error: "Enter a domain name, e.g. app.example.com." })
  .transform((v) => v.trim().toLowerCase())
  .superRefine((v, ctx) => {
    const problem = domainNameProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
