import Link from "next/link";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ userName, planName }: { userName: string; planName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 sm:px-6">
        <Link href="/marketplace" className="flex items-center gap-2 font-semibold text-slate-900">
          <img src="/icons/clusterport.svg" alt="" width={28} height={28} />
          Clusterport
        </Link>
        <nav aria-label="Main" className="flex gap-1">
          <NavLink href="/marketplace">Marketplace</NavLink>
          <NavLink href="/environments">Environments</NavLink>
          <NavLink href="/account">Account</NavLink>
          <NavLink href="/docs/api">API</NavLink>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="hidden text-slate-600 sm:inline">
            {userName} · <span className="font-medium">{planName} plan</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
