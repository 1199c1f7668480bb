import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { favicon } from "./make-favicon";

describe("favicon", () => {
  it("is an ICO holding 16, 32 and 48 px PNG images", () => {
    const ico = favicon();
    expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 3, 0]);
    for (let i = 0; i < 3; i++) {
      const entry = ico.subarray(6 + 16 * i, 22 + 16 * i);
      const [size, offset] = [entry.readUInt32LE(8), entry.readUInt32LE(12)];
      const image = ico.subarray(offset, offset + size);
      expect(image.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(image.readUInt32BE(16)).toBe([16, 32, 48][i]);
      expect(entry[0]).toBe([16, 32, 48][i]);
    }
  });

  it("is what app/favicon.ico holds: the committed file was made by the script from the current drawing", () => {
    expect(readFileSync(path.join(__dirname, "..", "app", "favicon.ico")).equals(favicon())).toBe(true);
  });
});
