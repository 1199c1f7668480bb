import type { Metadata } from "next";
import { Catalogue } from "@/components/marketplace/catalogue";

export const metadata: Metadata = { title: "Marketplace" };

export default function MarketplacePage() {
  return <Catalogue />;
}
