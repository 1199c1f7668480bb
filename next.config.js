// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon; keep it (and pino's worker threads) out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pino"],
  poweredByHeader: false,
  // `npm test` typechecks once (tsc); the build need not do it again on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
