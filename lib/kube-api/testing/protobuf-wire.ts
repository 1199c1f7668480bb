/**
 * Protobuf's wire format by hand, for tests that send bodies no encoder would make (huge declared lengths, deep
 * groups, bad UTF-8): a varint, a length-delimited field, UTF-8 text, and the `k8s\0` runtime.Unknown envelope.
 */
export const varint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  return [...out, n];
};

export const pbField = (id: number, bytes: Uint8Array | number[]) => [
  ...varint((id << 3) | 2),
  ...varint(bytes.length),
  ...bytes,
];

export const pbText = (s: string) => [...Buffer.from(s, "utf8")];

/** A Kubernetes protobuf body whose envelope names `apiVersion` and `kind` and carries `raw`. */
export const pbEnvelope = (apiVersion: string, kind: string, raw: number[]) =>
  new Uint8Array([
    0x6b,
    0x38,
    0x73,
    0x00,
    ...pbField(1, [...pbField(1, pbText(apiVersion)), ...pbField(2, pbText(kind))]),
    ...pbField(2, raw),
  ]);
