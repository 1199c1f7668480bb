import { describe, expect, it } from "vitest";
import { domainNameProblem, domainNameSchema } from "./domain-name";

describe("domain names for certificates", () => {
  it("accepts fully qualified names you could own, lower-cased", () => {
    for (const ok of ["app.example.com", "a.b.c.example.co.uk", "xn--bcher-kva.example", "shop-1.example.io"])
      expect(domainNameProblem(ok)).toBeUndefined();
    expect(domainNameSchema.parse("  App.Example.COM ")).toBe("app.example.com");
  });

  it("refuses each broken rule with the rule in words", () => {
    expect(domainNameProblem("")).toBe("Enter a domain name, e.g. app.example.com.");
    expect(domainNameProblem("https://app.example.com/")).toMatch(/without https:\/\/ or a path/);
    expect(domainNameProblem("*.example.com")).toMatch(/^Wildcard names need a DNS-01 challenge/);
    expect(domainNameProblem("localhost")).toMatch(/at least one dot/);
    expect(domainNameProblem("app..example.com")).toMatch(/no leading, trailing or double dots/);
    expect(domainNameProblem(`${"a".repeat(64)}.example.com`)).toMatch(/at most 63 characters; "aaaaaaaaaaaa…" has 64/);
    expect(domainNameProblem("my_app.example.com")).toBe(
      'Use only letters, digits and hyphens between the dots; "_" is not allowed.',
    );
    expect(domainNameProblem("-app.example.com")).toBe('A label cannot start or end with a hyphen ("-app").');
    expect(domainNameProblem("10.0.0.1")).toMatch(/IP address is not a domain name/);
    expect(domainNameProblem("bücher.example")).toMatch(/xn--/);
    expect(domainNameProblem("demo.fra.clusterport.cloud")).toBe(
      "Names under fra.clusterport.cloud are Clusterport's; use a domain you own.",
    );
    expect(domainNameProblem(`${"abc.".repeat(64)}com`)).toMatch(/at most 253 characters/);
  });
});
