/** One Server-Sent Event: `id` only for resumable messages. */
export type SseMessage = { event: string; id?: number; data: unknown };

/**
 * A text/event-stream body for one subscriber: messages from the hub, a keep-alive comment every 15 s so
 * proxies keep the connection open, and cleanup when the client goes away (the request is aborted).
 */
export function sseStream(
  subscribe: (send: (message: SseMessage) => void) => Promise<() => void>,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const send = (m: SseMessage) =>
        write(`${m.id !== undefined ? `id: ${m.id}\n` : ""}event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`);
      write("retry: 2000\n\n");
      let unsubscribe = () => {};
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), 15_000);
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
