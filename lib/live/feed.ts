import { database } from "@/lib/db/database";
import { listenForChanges } from "@/lib/engine";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createFeedHub, type FeedHub } from "./feed-hub";

const holder = globalThis as unknown as { __feedHub?: FeedHub };

/** The process's one feed hub, listening on its own connection to DATABASE_URL. */
export function feed(): FeedHub {
  holder.__feedHub ??= createFeedHub(
    database(),
    (handlers) =>
      listenForChanges(env().databaseUrl, {
        ...handlers,
        onError: (err) => logger.warn({ err }, "live feed: database connection problem"),
      }),
    env().engine.timeScale,
    env().appUrl,
  );
  return holder.__feedHub;
}

/** Stops listening (shutdown); a later feed() starts afresh. */
export async function closeFeed(): Promise<void> {
  const hub = holder.__feedHub;
  holder.__feedHub = undefined;
  await hub?.close();
}
