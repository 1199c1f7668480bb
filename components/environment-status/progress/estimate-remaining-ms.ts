// In lib/live so that API v1 reports the same progress and time left as this page shows.
export { estimateRemainingMs, type EtaStep } from "@/lib/live/estimate-remaining-ms";
