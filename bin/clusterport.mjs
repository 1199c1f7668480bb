#!/usr/bin/env node
// The `clusterport` command: runs the TypeScript CLI (cli/main.ts) through tsx in this same process, so its exit
// code, signals and stdio are the CLI's own. tsx looks for tsconfig.json in the current directory unless told
// where it is; naming the repository's makes its `@/` imports resolve from any directory.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.TSX_TSCONFIG_PATH = path.join(root, "tsconfig.json");
await import("tsx");
await import(pathToFileURL(path.join(root, "cli", "main.ts")).href);
