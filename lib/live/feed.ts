import { sqlite } from "@/lib/sqlite";
import { createFeedHub, type FeedHub } from "./feed-hub";

const holder = globalThis as unknown as { __feedHub?: FeedHub };

/** The process's one feed hub. */
export function feed(): FeedHub {
  holder.__feedHub ??= createFeedHub(sqlite());
  return holder.__feedHub;
}
