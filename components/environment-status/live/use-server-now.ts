"use client";

import { useEffect, useRef, useState } from "react";
import { clockOffset } from "./clock-offset";

/**
 * The server's "now" in ms, ticking every second: the client clock corrected by the offset learnt from each
 * snapshot's `serverTime` (see clockOffset). The first render (server and hydration alike) uses `serverTime`
 * itself, so both print the same durations.
 */
export function useServerNow(serverTime: string, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.parse(serverTime) || 0);
  const offset = useRef<number | null>(null);
  useEffect(() => {
    offset.current = clockOffset(serverTime, Date.now(), offset.current);
    const tick = () => setNow(Date.now() + (offset.current ?? 0));
    tick();
    const timer = setInterval(tick, everyMs);
    return () => clearInterval(timer);
  }, [serverTime, everyMs]);
  return now;
}
