"use client";

import { ArrowDown, Download } from "lucide-react";
import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { buttonVariants } from "@/components/ui/button-variants";
import { cn } from "@/components/ui/cn";
import { controlBase } from "@/components/ui/control-styles";
import { formatUtc } from "@/lib/format/format-utc";
import type { LogLineView, NodeView, StepView } from "@/lib/live/status-snapshot";
import { StatusSection } from "../status-section";
import { filterLogs } from "./filter-logs";

/** Within this many pixels of the end counts as "at the bottom" (keeps following). */
const bottomSlackPx = 24;

const levelLooks: Record<LogLineView["level"], string> = {
  info: "text-slate-400",
  warn: "text-amber-300",
  error: "text-red-300",
};

/**
 * The environment's log lines, filterable by step and node, following new lines while scrolled to the bottom
 * (scrolling up stops following; "Jump to latest" resumes), downloadable as text. The page starts with the
 * newest lines; "Load earlier lines" reads further back.
 */
export const LogsSection = memo(function LogsSection({
  name,
  logs,
  total,
  onLoadEarlier,
  steps,
  nodes,
}: {
  name: string;
  logs: LogLineView[];
  /** How many lines the environment has (its newest line's number). */
  total: number;
  onLoadEarlier(): Promise<boolean>;
  steps: StepView[];
  nodes: NodeView[];
}) {
  const id = useId();
  const [stepKey, setStepKey] = useState("");
  const [node, setNode] = useState("");
  const [following, setFollowing] = useState(true);
  const [loading, setLoading] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const earlier = (logs[0]?.id ?? 1) - 1;
  const viewport = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => filterLogs(logs, { stepKey, node }), [logs, stepKey, node]);

  const stepOptions = useMemo(() => {
    const titles = new Map(steps.map((s) => [s.key, s.title]));
    for (const line of logs)
      if (line.stepKey !== null && !titles.has(line.stepKey)) titles.set(line.stepKey, line.stepKey);
    return [...titles.entries()];
  }, [steps, logs]);
  const nodeOptions = useMemo(() => {
    const ids = new Set(nodes.map((n) => n.id));
    for (const line of logs) if (line.node !== null) ids.add(line.node);
    return [...ids].sort();
  }, [nodes, logs]);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (following && el) el.scrollTop = el.scrollHeight;
  }, [lines, following]);

  const select = cn(controlBase, "h-9 px-2 py-1.5");
  return (
    <StatusSection
      id="logs"
      title="Logs"
      actions={
        <a
          href={`/api/v1/environments/${encodeURIComponent(name)}/logs/text`}
          download
          className={buttonVariants({ variant: "secondary", size: "sm" })}
        >
          <Download aria-hidden="true" />
          Download logs
        </a>
      }
    >
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-48 flex-1 flex-col gap-1">
            <label htmlFor={`${id}-step`} className="text-sm font-medium text-slate-900">
              Step
            </label>
            <select id={`${id}-step`} value={stepKey} onChange={(e) => setStepKey(e.target.value)} className={select}>
              <option value="">All steps</option>
              {stepOptions.map(([key, title]) => (
                <option key={key} value={key}>
                  {title}
                </option>
              ))}
            </select>
          </div>
          <div className="flex min-w-36 flex-col gap-1">
            <label htmlFor={`${id}-node`} className="text-sm font-medium text-slate-900">
              Node
            </label>
            <select id={`${id}-node`} value={node} onChange={(e) => setNode(e.target.value)} className={select}>
              <option value="">All nodes</option>
              {nodeOptions.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <p className="pb-2 text-xs text-slate-500 tabular-nums">
            {lines.length === logs.length ? `${logs.length} lines` : `${lines.length} of ${logs.length} lines`}
            {earlier > 0 ? ` (the newest of ${Math.max(total, logs.length + earlier)})` : ""}
          </p>
        </div>
        <div className="relative">
          <div
            ref={viewport}
            role="log"
            aria-live="off"
            aria-label="Log lines"
            tabIndex={0}
            onScroll={(event) => {
              const el = event.currentTarget;
              setFollowing(el.scrollHeight - el.scrollTop - el.clientHeight <= bottomSlackPx);
            }}
            className="h-80 overflow-y-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            {earlier > 0 ? (
              <div className="mb-2 flex items-center gap-3">
                <Button
                  size="sm"
                  variant="secondary"
                  loading={loading}
                  onClick={async () => {
                    setLoading(true);
                    setFollowing(false);
                    setLoadFailed(!(await onLoadEarlier()));
                    setLoading(false);
                  }}
                >
                  Load earlier lines ({earlier})
                </Button>
                {loadFailed ? (
                  <span role="status" className="text-red-300">
                    Could not load them; try again.
                  </span>
                ) : null}
              </div>
            ) : null}
            {lines.length === 0 ? (
              <p className="text-slate-400">
                {logs.length === 0 ? "No log lines yet." : "No lines match these filters."}
              </p>
            ) : (
              <ol>
                {lines.map((line) => (
                  <li key={line.id} className="grid grid-cols-[4.5rem_3rem_minmax(0,1fr)] gap-x-2">
                    <time dateTime={line.at} className="text-slate-400 tabular-nums">
                      {formatUtc(line.at, { timeOnly: true })}
                    </time>
                    <span className={cn("uppercase", levelLooks[line.level])}>{line.level}</span>
                    <span className="break-words whitespace-pre-wrap">
                      {line.node !== null ? <span className="text-sky-300">[{line.node}] </span> : null}
                      {line.message}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          {!following ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => setFollowing(true)}
              className="absolute right-4 bottom-3 shadow-md"
            >
              <ArrowDown aria-hidden="true" />
              Jump to latest
            </Button>
          ) : null}
        </div>
      </div>
    </StatusSection>
  );
});
