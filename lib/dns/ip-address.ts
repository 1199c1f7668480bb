/** Pure address checks (no node:net), so that forms in the browser check exactly what the server checks. */

const octet = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const ipv4 = new RegExp(`^${octet}(\\.${octet}){3}$`);

/** Dotted decimal, four octets, no leading zeros (which some parsers read as octal). */
export function isIPv4(text: string): boolean {
  return ipv4.test(text);
}

/** Any spelling the URL standard accepts inside brackets (compressed, embedded IPv4), no zone id. */
export function isIPv6(text: string): boolean {
  return text.includes(":") && /^[0-9a-fA-F:.]+$/.test(text) && URL.canParse(`http://[${text}]/`);
}

/**
 * An IP address in one spelling, so that two spellings of the same address compare equal (IPv6 compressed and
 * lower-cased, as the URL standard writes it); undefined when the text is no IPv4 or IPv6 address.
 */
export function canonicalAddress(text: string): string | undefined {
  const value = text.trim();
  if (isIPv4(value)) return value;
  if (isIPv6(value)) return new URL(`http://[${value}]/`).hostname.slice(1, -1);
  return undefined;
}
