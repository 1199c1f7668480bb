// In lib/live so that API v1 reports the same progress and time left as this page shows.
export { stepElapsedMs } from "@/lib/live/step-elapsed-ms";
