// Shared by the benchmarks: percentiles, the machine line, and writing a results block into docs/benchmarks.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const benchmarksFile = path.join(__dirname, "..", "docs", "benchmarks.md");

/** The value below which p % of `sorted` (ascending) lies; 0 for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** "2 × AMD EPYC …, Node v20.x" — what a results heading names the machine by. */
export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Replaces the `<!-- name:start --> … <!-- name:end -->` block of docs/benchmarks.md with `lines` (markers
 * added here), or appends the block when the file has none yet.
 */
export function writeResultsBlock(name: string, lines: readonly string[]): void {
  const block = [`<!-- ${name}:start -->`, ...lines, `<!-- ${name}:end -->`].join("\n");
  const current = fs.existsSync(benchmarksFile)
    ? fs.readFileSync(benchmarksFile, "utf8")
    : "# Benchmarks\n\nNumbers with the command that produced them. Benchmarks are not tests: run them on a quiet machine.\n";
  const marker = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  // A function as replacement: the block may contain `$` sequences that String.replace would interpret.
  const next = marker.test(current) ? current.replace(marker, () => block) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(benchmarksFile, next);
  console.log(`\n${block}\n\n(written to ${path.relative(process.cwd(), benchmarksFile)})`);
}

/** `VAR=value … npm run script` with the values in effect (defaults included), so the run can be repeated. */
export function commandLine(script: string, vars: Readonly<Record<string, string | number>>): string {
  return [...Object.entries(vars).map(([name, value]) => `${name}=${value}`), `npm run ${script}`].join(" ");
}

/** A positive whole number from the environment, or `fallback`; anything else stops the benchmark. */
export function wholeNumberFromEnv(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number ≥ ${min}; got "${raw}".`);
  return value;
}

/** A non-negative number from the environment, or `fallback`. */
export function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0; got "${raw}".`);
  return value;
}

/** A comma-separated list of whole numbers from the environment (BENCH_CONNECTIONS=1,10), or `fallback`. */
export function wholeNumbersFromEnv(name: string, fallback: readonly number[], min = 1): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return [...fallback];
  return raw.split(",").map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value < min)
      throw new Error(
        `${name} must be whole numbers ≥ ${min} separated by commas, such as ${fallback.join(",")}; got "${raw}".`,
      );
    return value;
  });
}
