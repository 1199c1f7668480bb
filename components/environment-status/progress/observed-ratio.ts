// In lib/live so that API v1 reports the same progress and time left as this page shows.
export { observedRatio } from "@/lib/live/observed-ratio";
