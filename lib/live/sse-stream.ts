/** One Server-Sent Event: `id` only for resumable messages. */
export type SseMessage = { event: string; id?: number; data: unknown };

const encoder = new TextEncoder();
/**
 * The hub sends the same snapshot object to every page open on an environment: it is serialised once per
 * message, not once per page (with 50 pages, tens of kB each, that was most of a delivery's time).
 */
const encoded = new WeakMap<object, { head: string; bytes: Uint8Array }>();

export function encodeSseMessage(m: SseMessage): Uint8Array {
  const head = `${m.id !== undefined ? `id: ${m.id}\n` : ""}event: ${m.event}\n`;
  const cacheable = typeof m.data === "object" && m.data !== null;
  const hit = cacheable ? encoded.get(m.data as object) : undefined;
  if (hit?.head === head) return hit.bytes;
  const bytes = encoder.encode(`${head}data: ${JSON.stringify(m.data)}\n\n`);
  if (cacheable) encoded.set(m.data as object, { head, bytes });
  return bytes;
}

/**
 * A text/event-stream body for one subscriber: messages from the hub, a keep-alive comment every 15 s so
 * proxies keep the connection open, and cleanup when the client goes away (the request is aborted).
 */
export function sseStream(
  subscribe: (send: (message: SseMessage) => void) => Promise<() => void>,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (bytes: Uint8Array) => {
        try {
          controller.enqueue(bytes);
        } catch {
          cleanup();
        }
      };
      const send = (m: SseMessage) => write(encodeSseMessage(m));
      write(encoder.encode("retry: 2000\n\n"));
      let unsubscribe = () => {};
      const keepAlive = setInterval(() => write(encoder.encode(": keep-alive\n\n")), 15_000);
      let closed = false;
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(keepAlive);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", cleanup, { once: true });
      subscribe(send).then(
        (stop) => {
          unsubscribe = stop;
          if (closed) stop();
        },
        // The database could not be read: end the stream; the browser reconnects after `retry`.
        () => cleanup(),
      );
    },
    cancel() {
      cleanup();
    },
  });
}
