import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["{lib,components,app,prisma,scripts}/**/*.test.ts"],
    environment: "node",
    pool: "forks",
  },
});
