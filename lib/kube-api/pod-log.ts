import { type PodSpec, type PodStatus, type Sim, type SimObject } from "@/lib/engine/sim";
import type { KubeContext } from "./kube-context";
import { badRequest, notFound } from "./kube-status";
import { podIp } from "./pod-ip";
import { podTemplateOf } from "./pod-template-of";

type Line = { at: number; text: string };

/** A `GET …/pods/<name>/log` checked against the pod: which container, from when, how many lines, whether to follow. */
export class PodLog {
  constructor(
    readonly namespace: string,
    readonly pod: string,
    readonly container: string,
    readonly image: string,
    readonly startedAt: number,
    readonly address: string,
    readonly options: {
      follow: boolean;
      timestamps: boolean;
      tailLines?: number;
      sinceTime?: number;
      limitBytes?: number;
    },
  ) {}
}

const whole = (query: URLSearchParams, name: string, min: number): number | undefined => {
  const v = query.get(name);
  if (v === null) return undefined;
  if (!/^-?\d{1,12}$/.test(v) || Number(v) < min)
    throw badRequest(`${name} must be a whole number${min > 0 ? " above 0" : ""}, not "${v.slice(0, 20)}"`);
  return Number(v);
};

const yes = (v: string | null) => v === "true" || v === "1";

export function podLogRequest(ctx: KubeContext, namespace: string, name: string, query: URLSearchParams): PodLog {
  const pod = ctx.sim.objects.get<PodSpec, PodStatus>({ kind: "Pod", namespace, name });
  if (!pod) throw notFound(`pods "${name.slice(0, 253)}" not found`, { name, kind: "pods" });
  const containers = containersOf(ctx.sim, pod);
  const asked = query.get("container");
  const container = asked ?? containers[0]!.name;
  const chosen = containers.find((c) => c.name === container);
  if (!chosen) {
    throw badRequest(
      `container ${container.slice(0, 63)} is not valid for pod ${name}${containers.length > 1 ? `: choose one of: [${containers.map((c) => c.name).join(" ")}]` : ""}`,
    );
  }
  if (yes(query.get("previous")))
    throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  if (pod.status.phase !== "Running" || !pod.spec.nodeName) {
    throw badRequest(
      `container "${container}" in pod "${name}" is waiting to start: ${pod.spec.nodeName ? "ContainerCreating" : "PodInitializing"}`,
    );
  }
  const sinceSeconds = whole(query, "sinceSeconds", 1);
  const sinceTimeText = query.get("sinceTime");
  const sinceTime = sinceTimeText !== null ? Date.parse(sinceTimeText) : undefined;
  if (sinceTime !== undefined && Number.isNaN(sinceTime))
    throw badRequest(`sinceTime must be an RFC 3339 time, not "${sinceTimeText!.slice(0, 40)}"`);
  const tailLines = whole(query, "tailLines", 0);
  const limitBytes = whole(query, "limitBytes", 1);
  return new PodLog(
    namespace,
    name,
    container,
    chosen.image,
    Date.parse(pod.createdAt),
    podIp(pod.spec.nodeName, pod.name),
    {
      follow: yes(query.get("follow")),
      timestamps: yes(query.get("timestamps")),
      ...(tailLines !== undefined && tailLines >= 0 ? { tailLines } : {}),
      ...(sinceSeconds !== undefined
        ? { sinceTime: Date.now() - sinceSeconds * 1000 }
        : sinceTime !== undefined
          ? { sinceTime }
          : {}),
      ...(limitBytes !== undefined ? { limitBytes } : {}),
    },
  );
}

function containersOf(sim: Sim, pod: SimObject<PodSpec, PodStatus>): { name: string; image: string }[] {
  const owner =
    pod.spec.owner.kind === "Node"
      ? undefined
      : sim.objects.get({ kind: pod.spec.owner.kind, namespace: pod.namespace, name: pod.spec.owner.name });
  const template = owner ? podTemplateOf(owner) : undefined;
  const listed = Array.isArray(template?.containers)
    ? (template.containers as { name?: unknown; image?: unknown }[])
    : [];
  const out = listed
    .filter((c) => typeof c.name === "string")
    .map((c) => ({ name: c.name as string, image: typeof c.image === "string" ? c.image : pod.spec.image }));
  return out.length > 0
    ? out
    : [{ name: pod.name.replace(/-[a-z0-9]{4,10}-[a-z0-9]{5}$|-[a-z0-9]{5}$/, ""), image: pod.spec.image }];
}

/** Web servers answer the kubelet's probes every 10 s and log each request; other images log their start only. */
const probeEvery = 10_000;
const servesHttp = (image: string) => /(^|\/)(nginx|httpd|caddy|traefik|haproxy)(:|@|$)|hello|echo/.test(image);

function startLines(log: PodLog): string[] {
  const image = log.image;
  if (/(^|\/)nginx(:|@|$)/.test(image)) {
    return [
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
      "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
      "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
      `${nginxTime(log.startedAt)} [notice] 1#1: using the "epoll" event method`,
      `${nginxTime(log.startedAt)} [notice] 1#1: start worker processes`,
    ];
  }
  if (/(^|\/)redis(:|@|$)/.test(image))
    return [
      "1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
      "1:M * Running mode=standalone, port=6379.",
      "1:M * Server initialized",
      "1:M * Ready to accept connections tcp",
    ];
  return [`Starting ${log.container} (${image})`, `${log.container} is listening on ${log.address}`];
}

const pad = (n: number) => String(n).padStart(2, "0");
function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function accessTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** The pod's log lines written in [from, to): its start-up lines, then (web servers) one probe request per 10 s. */
function linesBetween(log: PodLog, from: number, to: number): Line[] {
  const out: Line[] = [];
  startLines(log).forEach((text, i) => {
    const at = log.startedAt + i;
    if (at >= from && at < to) out.push({ at, text });
  });
  if (!servesHttp(log.image)) return out;
  const gateway = log.address.replace(/\.\d+$/, ".1");
  const first = Math.max(1, Math.ceil((from - log.startedAt) / probeEvery));
  for (let k = first; log.startedAt + k * probeEvery < to; k += 1) {
    const at = log.startedAt + k * probeEvery;
    out.push({ at, text: `${gateway} - - [${accessTime(at)}] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"` });
  }
  return out;
}

/** The most lines one answer carries when no tail is asked for (the real kubelet is bounded by its log files). */
const maxLines = 10_000;

export type PodLogSource = { read(): Promise<Sim>; subscribe(onChange: () => void): Promise<() => void> };

/**
 * The log as text/plain: the lines so far (from sinceTime, the last tailLines, up to limitBytes), then with
 * `follow` each new line when it is written, until the pod is gone or the client leaves.
 */
export function servePodLog(log: PodLog, source: PodLogSource, signal: AbortSignal, now: Date): Response {
  const format = (l: Line) =>
    `${log.options.timestamps ? `${new Date(l.at).toISOString().replace("Z", "000000Z")} ` : ""}${l.text}\n`;
  const from = Math.max(log.startedAt, log.options.sinceTime ?? log.startedAt, now.getTime() - maxLines * probeEvery);
  let lines = linesBetween(log, from, now.getTime() + 1);
  if (log.options.tailLines !== undefined)
    lines = log.options.tailLines === 0 ? [] : lines.slice(-log.options.tailLines);
  let text = lines.map(format).join("");
  if (log.options.limitBytes !== undefined)
    text = Buffer.from(text).subarray(0, log.options.limitBytes).toString("utf8");
  const headers = { "content-type": "text/plain", "cache-control": "no-store" };
  if (!log.options.follow) return new Response(text, { headers });
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: (() => void) | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        if (timer) clearTimeout(timer);
        unsubscribe?.();
        controller.close();
      };
      controller.enqueue(encoder.encode(text));
      let until = now.getTime() + 1;
      const tick = () => {
        const upTo = Date.now() + 1;
        for (const l of linesBetween(log, until, upTo)) controller.enqueue(encoder.encode(format(l)));
        until = upTo;
        timer = setTimeout(tick, Math.max(250, probeEvery - ((upTo - log.startedAt) % probeEvery)));
      };
      signal.addEventListener("abort", close, { once: true });
      timer = setTimeout(tick, 250);
      unsubscribe = await source.subscribe(() => {
        void source.read().then((sim) => {
          if (!sim.objects.get({ kind: "Pod", namespace: log.namespace, name: log.pod })) close();
        }, close);
      });
      if (closed) unsubscribe();
    },
    cancel() {
      closed = true;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    },
  });
  return new Response(stream, { headers: { ...headers, "x-accel-buffering": "no" } });
}
