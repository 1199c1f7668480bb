// `npm run worker`: a provisioning engine process apart from the web server (set ENGINE_IN_PROCESS=false on
// the web server to leave all work to workers). Any number may run against the same database.
import { ConfigError, env } from "@/lib/env";
import { startRunner } from "@/lib/engine/start-runner";

try {
  env();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`✖ ${e.message}`);
    process.exit(1);
  }
  throw e;
}
const runner = startRunner("worker");
console.log(`Clusterport worker ${runner.owner} is running; Ctrl-C stops it after the steps in flight.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void runner.stop().then(() => process.exit(0));
  });
}
