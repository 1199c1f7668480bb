import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Loaded by Node at run time, not bundled: the database driver, the migration runner (reads files), pino (worker
  // threads), protobufjs (generates its decoders at run time), node-forge (certificates; also used by scripts/serve.ts
  // outside the bundle).
  serverExternalPackages: ["pg", "node-pg-migrate", "pino", "protobufjs", "node-forge"],
  poweredByHeader: false,
  // `npm test` typechecks once (tsc); the build need not do it again on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  // Pages and API responses get their headers from proxy.ts (which knows APP_URL at run time); static
  // assets bypass the proxy and get the same fixed headers here (HSTS comes with every page).
  async headers() {
    const headers = securityHeaders({ https: false }).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/:path*", headers },
      { source: "/favicon.ico", headers },
    ];
  },
};

export default nextConfig;
