import { ApiClient } from "./api-client";
import type { Io } from "./io";
import { resolveCredentials } from "./resolve-credentials";

/** What every command gets: the outside world, and the API client of the logged-in app. */
export type CommandContext = {
  io: Io;
  /** Throws (exit 3) when not logged in; made when a command needs it, so usage errors come first. */
  client(): ApiClient;
};

export function commandContext(io: Io): CommandContext {
  return { io, client: () => new ApiClient(resolveCredentials(io.env), io) };
}
