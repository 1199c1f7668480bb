import { exitCodes } from "./exit-codes";
import { processIo } from "./io";
import { runCli } from "./run-cli";

// A reader that stopped early (`clusterport env logs demo | head`) is not an error: stop quietly, as with SIGPIPE.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(exitCodes.ok);
});

// exitCode rather than process.exit(), so that output still buffered for a pipe is written in full.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
