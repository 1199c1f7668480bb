"use client";
import { Search } from "lucide-react";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { apps, categories } from "@/lib/catalog";
import { PackageCard } from "./package-card";

/** The Marketplace: categories, a search box and the package cards, all from the catalogue data. */
export function Catalogue() {
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<string>("all");
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return apps.filter(
      (a) =>
        (category === "all" || a.categoryId === category) &&
        (q === "" || `${a.name} ${a.shortDescription} ${a.description}`.toLowerCase().includes(q)),
    );
  }, [query, category]);

  return (
    <div>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Marketplace</h1>
          <p className="text-sm text-slate-600">Install a package into a new environment in one step.</p>
        </div>
        <div className="w-full max-w-xs">
          <label htmlFor="marketplace-search" className="mb-1 block text-sm font-medium">
            Search packages
          </label>
          <div className="relative">
            <Search
              aria-hidden="true"
              className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400"
            />
            <Input
              id="marketplace-search"
              type="search"
              className="pl-8"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
        </div>
      </div>
      <div className="flex flex-col gap-6 md:flex-row">
        <nav aria-label="Categories" className="md:w-48">
          <ul className="flex gap-1 md:flex-col">
            {[{ id: "all", name: "All packages" }, ...categories].map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  aria-pressed={category === c.id}
                  onClick={() => setCategory(c.id)}
                  className={`w-full rounded-md px-3 py-1.5 text-left text-sm font-medium focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:outline-none ${category === c.id ? "bg-blue-50 text-blue-700" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-label="Packages" className="flex-1">
          {visible.length === 0 ? (
            <EmptyState
              icon={<Search aria-hidden="true" />}
              title="No packages match"
              text={`Nothing in the catalogue matches "${query}". Try another word.`}
            />
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {visible.map((app) => (
                <li key={app.id}>
                  <PackageCard app={app} categoryName={categories.find((c) => c.id === app.categoryId)?.name ?? ""} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
