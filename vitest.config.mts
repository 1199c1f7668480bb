import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.dirname(fileURLToPath(import.meta.url)),
      // Route code marks itself server-only; tests run it on the server, as Next.js does (its react-server build).
      "server-only": path.join(path.dirname(fileURLToPath(import.meta.url)), "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["{lib,components,app,prisma,scripts,cli}/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    globalSetup: ["lib/db/testing/global-setup.ts"],
    // Engine and feed tests wait for a real database; the default 5 s is tight on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every incremental reconcile is checked against running all the controllers (reconcile-cluster.ts).
    env: { SIM_RECONCILE_CHECK: "1" },
  },
});
