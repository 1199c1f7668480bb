/** MiB as "512 MiB" or "4 GiB" / "1.5 GiB". */
export function formatMemory(mib: number): string {
  if (mib < 1024) return `${mib} MiB`;
  const gib = mib / 1024;
  return `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GiB`;
}

/** MHz as "800 MHz" or "6.4 GHz". */
export function formatCpu(mhz: number): string {
  if (mhz < 1000) return `${mhz} MHz`;
  const ghz = mhz / 1000;
  return `${Number.isInteger(ghz) ? ghz : ghz.toFixed(1)} GHz`;
}
