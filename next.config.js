// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon; keep it (and pino's worker threads) out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
