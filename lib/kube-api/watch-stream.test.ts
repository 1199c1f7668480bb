import { describe, expect, it } from "vitest";
import { watchStream, type WatchSource } from "./watch-stream";

type State = Map<string, { version: string; object: Record<string, unknown> }>;
const state = (entries: [string, string][]): State =>
  new Map(entries.map(([name, version]) => [name, { version, object: { metadata: { name } } }]));

/** A source whose state the test sets, and whose change notifications the test fires. */
function fakeSource(initial: State) {
  let current = initial;
  let notify: () => void = () => {};
  let unsubscribed = false;
  const source: WatchSource = {
    read: async () => current,
    subscribe: async (onChange) => {
      notify = onChange;
      return () => (unsubscribed = true);
    },
    present: (object) => object,
  };
  return { source, set: (s: State) => (current = s), fire: () => notify(), unsubscribed: () => unsubscribed };
}

async function readLines(stream: ReadableStream<Uint8Array>, count: number): Promise<{ type: string; name: string }[]> {
  const reader = stream
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  let text = "";
  while (text.split("\n").filter(Boolean).length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  reader.releaseLock();
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } })
    .map((e) => ({ type: e.type, name: e.object.metadata.name }));
}

describe("watchStream", () => {
  it("sends the initial objects, then what changes, and stops on abort", async () => {
    const initial = state([
      ["a", "1"],
      ["b", "1"],
    ]);
    const fake = fakeSource(initial);
    const abort = new AbortController();
    const stream = watchStream(fake.source, { initial, sendInitial: true, timeoutSeconds: 60, signal: abort.signal });
    const [tee1, tee2] = stream.tee();
    expect(await readLines(tee1, 2)).toEqual([
      { type: "ADDED", name: "a" },
      { type: "ADDED", name: "b" },
    ]);
    fake.set(
      state([
        ["a", "2"],
        ["c", "1"],
      ]),
    );
    fake.fire();
    const all = await readLines(tee2, 5);
    expect(all.slice(2)).toEqual([
      { type: "MODIFIED", name: "a" },
      { type: "ADDED", name: "c" },
      { type: "DELETED", name: "b" },
    ]);
    abort.abort();
    expect(fake.unsubscribed()).toBe(true);
  });

  it("sends nothing initially for a client that already listed that version", async () => {
    const initial = state([["a", "1"]]);
    const fake = fakeSource(initial);
    const stream = watchStream(fake.source, {
      initial,
      sendInitial: false,
      timeoutSeconds: 60,
      signal: new AbortController().signal,
    });
    fake.set(
      state([
        ["a", "1"],
        ["b", "1"],
      ]),
    );
    setTimeout(() => fake.fire(), 10);
    expect(await readLines(stream, 1)).toEqual([{ type: "ADDED", name: "b" }]);
  });
});
