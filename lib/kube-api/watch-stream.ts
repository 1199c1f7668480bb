import type { SimObject } from "@/lib/engine/sim";
import type { KubeResource } from "./kube-resource";
import type { Json } from "./write/json";

export type WatchSource = {
  /** The resource's objects as they are now, already converted and filtered, keyed by namespace/name. */
  read(): Promise<Map<string, { version: string; object: Json }>>;
  /** Calls `onChange` whenever the environment may have changed; resolves with the unsubscribe function. */
  subscribe(onChange: () => void): Promise<() => void>;
  /** The event's object as the client asked for it (the object, or a one-row Table for kubectl). */
  present(object: Json, version: string): Json;
};

export type WatchOptions = {
  initial: Map<string, { version: string; object: Json }>;
  sendInitial: boolean;
  timeoutSeconds: number;
  signal: AbortSignal;
};

/**
 * A Kubernetes watch: newline-delimited `{"type":"ADDED|MODIFIED|DELETED","object":…}`. The initial objects are
 * sent as ADDED unless the client gave the resourceVersion of a list it already has; after that, every change to
 * the environment re-reads the resource and sends what differs (an object that stops matching the selectors is
 * DELETED, as the real API does). Re-reads never overlap: a change during one makes exactly one more. The stream
 * ends after `timeoutSeconds`, as the real API server ends watches, and the client watches again.
 */
export function watchStream(source: WatchSource, options: WatchOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let known = options.initial;
  let closed = false;
  let unsubscribe: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let busy = false;
  let again = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const emit = (type: "ADDED" | "MODIFIED" | "DELETED", object: Json, version: string) => {
        if (!closed)
          controller.enqueue(encoder.encode(`${JSON.stringify({ type, object: source.present(object, version) })}\n`));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe?.();
        if (timer) clearTimeout(timer);
        controller.close();
      };
      // A first byte, so the response's headers go out now even when nothing is to be sent yet (a client awaits
      // them before it carries on); whitespace between events is allowed by every watch decoder.
      controller.enqueue(encoder.encode("\n"));
      if (options.sendInitial) for (const { object, version } of known.values()) emit("ADDED", object, version);
      const refresh = async () => {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          do {
            again = false;
            const now = await source.read();
            for (const [key, entry] of now) {
              const before = known.get(key);
              if (!before) emit("ADDED", entry.object, entry.version);
              else if (before.version !== entry.version) emit("MODIFIED", entry.object, entry.version);
            }
            for (const [key, entry] of known) if (!now.has(key)) emit("DELETED", entry.object, entry.version);
            known = now;
          } while (again && !closed);
        } catch {
          close();
        } finally {
          busy = false;
        }
      };
      options.signal.addEventListener("abort", close, { once: true });
      timer = setTimeout(close, options.timeoutSeconds * 1000);
      unsubscribe = await source.subscribe(() => void refresh());
      if (closed) unsubscribe();
    },
    cancel() {
      closed = true;
      unsubscribe?.();
      if (timer) clearTimeout(timer);
    },
  });
}

/** The key an object is tracked by in a watch. */
export const watchKey = (o: Pick<SimObject, "namespace" | "name">) => `${o.namespace}/${o.name}`;

export type { KubeResource };
