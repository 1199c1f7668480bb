import { env } from "@/lib/env";
import { sqlite } from "@/lib/sqlite";
import { createFeedHub, type FeedHub } from "./feed-hub";

const holder = globalThis as unknown as { __feedHub?: FeedHub };

/** The process's one feed hub. */
export function feed(): FeedHub {
  holder.__feedHub ??= createFeedHub(sqlite(), 100, env().engine.timeScale);
  return holder.__feedHub;
}
