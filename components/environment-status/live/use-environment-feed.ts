"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FeedEvent, LogLineView, StatusSnapshot } from "@/lib/live/status-snapshot";
import { mergeLogs } from "../logs/merge-logs";
import { fetchLogPage } from "./fetch-log-page";

export type FeedConnection = "connecting" | "live" | "reconnecting";

export type EnvironmentFeed = {
  snapshot: StatusSnapshot;
  /** Every log line received, each once, in id order: the newest from the first render on, older on request. */
  logs: LogLineView[];
  /** Reads up to 500 lines before the oldest held (GET /api/v1/…/logs?before=); false when that failed. */
  loadEarlier(): Promise<boolean>;
  /** The last 200 `change` events received since the page opened, oldest first. */
  changes: FeedEvent[];
  connection: FeedConnection;
};

const maxChanges = 200;
/** When the browser gives up on the stream (it answered with an error status), open a new one after this. */
const reopenAfterMs = 5_000;
/** A snapshot announcing log lines we lack waits this long for their `logs` message before fetching them. */
const catchUpAfterMs = 1_500;
/** A catch-up reads at most this many pages of 1,000 lines; the rest come with the next snapshot. */
const maxCatchUpPages = 5;

function parse<T>(event: Event): T | undefined {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}

/**
 * The environment, live: starts from the server-rendered snapshot and log lines, then follows
 * GET /api/environment-feed/<name> (Server-Sent Events). `snapshot` replaces the state (an older one is
 * ignored), `logs` appends (deduplicated by id), `change` feeds `changes`. Every `open` (the first one and each
 * reconnect) fetches /api/v1/…/logs?after=<last id held> to fill the gap; so does a snapshot whose lastLogId stays ahead
 * of the lines held. A stream the hook has to reopen itself resumes the changes with ?lastEventId=. The stream
 * is closed on unmount.
 */
export function useEnvironmentFeed(name: string, initial: StatusSnapshot, initialLogs: LogLineView[]): EnvironmentFeed {
  const [snapshot, setSnapshot] = useState(initial);
  const [logs, setLogs] = useState(() => mergeLogs([], initialLogs));
  const [changes, setChanges] = useState<FeedEvent[]>([]);
  const [connection, setConnection] = useState<FeedConnection>("connecting");
  const lastLogId = useRef(logs[logs.length - 1]?.id ?? 0);
  useEffect(() => {
    lastLogId.current = Math.max(lastLogId.current, logs[logs.length - 1]?.id ?? 0);
  }, [logs]);
  // Where the changes resume: the page was rendered at initial.lastEventId, then each change moves it on.
  const lastChangeId = useRef(initial.lastEventId);

  useEffect(() => {
    const feedUrl = `/api/environment-feed/${encodeURIComponent(name)}`;
    let source: EventSource | null = null;
    let disposed = false;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let catchUpTimer: ReturnType<typeof setTimeout> | undefined;

    const catchUp = async () => {
      try {
        let page = await fetchLogPage(name, `after=${lastLogId.current}`);
        // A long drop can leave more than a page behind: follow the pages to the end.
        for (let pages = 0; page !== null && !disposed; pages++) {
          const lines = page.lines;
          setLogs((current) => mergeLogs(current, lines));
          if (page.nextCursor === null || pages >= maxCatchUpPages) break;
          page = await fetchLogPage(name, `cursor=${encodeURIComponent(page.nextCursor)}`);
        }
      } catch {
        // Offline again: the next reconnect or snapshot tries again.
      }
    };

    const connect = () => {
      const stream = new EventSource(`${feedUrl}?lastEventId=${lastChangeId.current}`);
      source = stream;
      stream.addEventListener("open", () => {
        setConnection("live");
        // The stream only carries lines written from now on: fetch any written since the render or the drop.
        void catchUp();
      });
      stream.addEventListener("error", () => {
        setConnection("reconnecting");
        // CONNECTING: the browser retries by itself. CLOSED: it gave up, so start over a little later.
        if (stream.readyState === EventSource.CLOSED && !disposed) {
          stream.close();
          clearTimeout(reopenTimer);
          reopenTimer = setTimeout(connect, reopenAfterMs);
        }
      });
      stream.addEventListener("snapshot", (event) => {
        const next = parse<StatusSnapshot>(event);
        if (!next) return;
        setSnapshot((current) => (next.lastEventId >= current.lastEventId ? next : current));
        if (next.lastLogId > lastLogId.current && catchUpTimer === undefined) {
          catchUpTimer = setTimeout(() => {
            catchUpTimer = undefined;
            if (!disposed && next.lastLogId > lastLogId.current) void catchUp();
          }, catchUpAfterMs);
        }
      });
      stream.addEventListener("logs", (event) => {
        const lines = parse<LogLineView[]>(event);
        if (Array.isArray(lines) && lines.length > 0) setLogs((current) => mergeLogs(current, lines));
      });
      // The server lost its database (failover, restart): what the page shows may be stale until it is back.
      stream.addEventListener("status", (event) => {
        const status = parse<{ database?: string }>(event);
        if (status?.database === "reconnecting") setConnection("reconnecting");
        else if (status?.database === "connected") setConnection("live");
      });
      stream.addEventListener("change", (event) => {
        const change = parse<FeedEvent>(event);
        if (!change) return;
        lastChangeId.current = Math.max(lastChangeId.current, change.id);
        setChanges((current) =>
          current.some((c) => c.id === change.id) ? current : [...current, change].slice(-maxChanges),
        );
      });
    };

    connect();
    return () => {
      disposed = true;
      clearTimeout(reopenTimer);
      clearTimeout(catchUpTimer);
      source?.close();
    };
  }, [name]);

  const loadEarlier = useCallback(async () => {
    const first = logs[0]?.id;
    if (first === undefined || first <= 1) return true;
    try {
      const page = await fetchLogPage(name, `before=${first}&limit=500`);
      if (page === null) return false;
      setLogs((current) => mergeLogs(current, page.lines));
      return true;
    } catch {
      return false;
    }
  }, [logs, name]);

  return { snapshot, logs, loadEarlier, changes, connection };
}
