import { badRequest } from "../kube-status";

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Body bytes as text, refused (400) unless they are UTF-8, as JSON and YAML must be: a lenient decoder would
 * turn the bad bytes into U+FFFD and store something the client never sent.
 */
export function decodeUtf8(bytes: Uint8Array, what = "the body"): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw badRequest(
      `${what} is not valid UTF-8: the bytes at offset ${firstInvalidByte(bytes)} are not a character. Send the text encoded as UTF-8.`,
    );
  }
}

/** Where the first malformed sequence starts (only called once decoding has failed). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}
