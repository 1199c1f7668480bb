import { describe, expect, it } from "vitest";
import { encodeSseMessage, sseStream } from "./sse-stream";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("encodeSseMessage", () => {
  it("writes id, event and JSON data as one Server-Sent Event", () => {
    expect(text(encodeSseMessage({ event: "change", id: 7, data: { type: "step.succeeded" } }))).toBe(
      'id: 7\nevent: change\ndata: {"type":"step.succeeded"}\n\n',
    );
    expect(text(encodeSseMessage({ event: "status", data: "connected" }))).toBe('event: status\ndata: "connected"\n\n');
  });

  it("serialises an object sent to many pages once, and again under another event name or id", () => {
    const snapshot = { status: "running", nodes: [1, 2, 3] };
    const first = encodeSseMessage({ event: "snapshot", data: snapshot });
    expect(encodeSseMessage({ event: "snapshot", data: snapshot })).toBe(first);
    const other = encodeSseMessage({ event: "change", id: 3, data: snapshot });
    expect(other).not.toBe(first);
    expect(text(other)).toMatch(/^id: 3\nevent: change\n/);
  });
});

describe("sseStream", () => {
  it("sends messages to the subscriber's stream and unsubscribes when the client goes away", async () => {
    const abort = new AbortController();
    let unsubscribed = false;
    const stream = sseStream(async (send) => {
      send({ event: "snapshot", data: { n: 1 } });
      return () => (unsubscribed = true);
    }, abort.signal);
    const reader = stream.getReader();
    let received = "";
    while (!received.includes("snapshot")) received += text((await reader.read()).value!);
    expect(received).toBe('retry: 2000\n\nevent: snapshot\ndata: {"n":1}\n\n');
    abort.abort();
    expect(unsubscribed).toBe(true);
    expect((await reader.read()).done).toBe(true);
  });
});
