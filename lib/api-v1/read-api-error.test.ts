import { describe, expect, it } from "vitest";
import { readApiError, readApiErrorDetail } from "./read-api-error";

const problem = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json" } });

describe("readApiErrorDetail", () => {
  it("reads a problem's detail and its field errors by field", async () => {
    const answer = problem(
      {
        status: 400,
        code: "invalid_input",
        detail: "Use at least 3 characters.",
        errors: [{ field: "name", message: "Use at least 3 characters." }, { field: 7 }],
      },
      400,
    );
    expect(await readApiErrorDetail(answer)).toEqual({
      message: "Use at least 3 characters.",
      fieldErrors: { name: "Use at least 3 characters." },
    });
  });

  it("says what the status means when the answer has no detail", async () => {
    expect(await readApiError(new Response("oops", { status: 502 }))).toMatch(/on our side \(HTTP 502\)/);
    expect(await readApiError(problem({}, 404))).toBe("The request was refused (HTTP 404).");
    // The retired shape is no longer read: its message would be a guess at a contract nobody answers with.
    expect(await readApiError(problem({ error: { message: "Already being deleted." } }, 409))).toBe(
      "The request was refused (HTTP 409).",
    );
  });
});
