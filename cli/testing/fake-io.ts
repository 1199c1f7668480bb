import { PassThrough } from "node:stream";
import type { Io } from "../io";

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

/** An Io for tests: output collected, no real waiting, and the API answered by `handler` (each call recorded). */
export function fakeIo(
  options: { env?: Record<string, string>; handler?: Handler; stdoutTty?: boolean; stdinTty?: boolean } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const requests: { method: string; url: URL; headers: Headers; body: string | undefined }[] = [];
  const sleeps: number[] = [];
  const stdin = Object.assign(new PassThrough(), { isTTY: options.stdinTty ?? false });
  const io: Io = {
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    stdoutTty: options.stdoutTty ?? false,
    columns: 80,
    stdin,
    env: { CLUSTERPORT_URL: "http://app.test", CLUSTERPORT_TOKEN: "cp_test", ...options.env },
    fetch: async (input, init = {}) => {
      const url = new URL(String(input));
      requests.push({
        method: init.method ?? "GET",
        url,
        headers: new Headers(init.headers),
        body: typeof init.body === "string" ? init.body : undefined,
      });
      if (!options.handler) throw new Error(`No request expected: ${url.href}`);
      return options.handler(url, init);
    },
    sleep: async (ms) => void sleeps.push(ms),
    now: () => new Date("2026-01-10T12:00:00Z"),
  };
  return { io, stdin, requests, sleeps, stdout: () => out.join(""), stderr: () => err.join("") };
}

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

export const problemResponse = (
  status: number,
  detail: string,
  errors?: { field: string; message: string }[],
  code = "x",
) =>
  new Response(
    JSON.stringify({
      type: "about:blank",
      title: "Error",
      status,
      detail,
      instance: "/",
      code,
      ...(errors ? { errors } : {}),
    }),
    {
      status,
      headers: { "content-type": "application/problem+json" },
    },
  );
