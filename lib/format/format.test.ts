import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";
import { formatCpu, formatMemory } from "./format-memory";
import { formatMoney } from "./format-money";

describe("formatting", () => {
  it("formats durations in the largest sensible units", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(185)).toBe("3 min 5 s");
    expect(formatDuration(120)).toBe("2 min");
    expect(formatDuration(3720)).toBe("1 h 2 min");
  });

  it("formats memory, CPU and money", () => {
    expect(formatMemory(512)).toBe("512 MiB");
    expect(formatMemory(4096)).toBe("4 GiB");
    expect(formatMemory(1536)).toBe("1.5 GiB");
    expect(formatCpu(6400)).toBe("6.4 GHz");
    expect(formatMoney(0.0725, 4)).toBe("$0.0725");
    expect(formatMoney(52.93)).toBe("$52.93");
  });
});
