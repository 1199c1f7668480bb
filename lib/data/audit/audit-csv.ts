import "server-only";
import type { AuditEventView } from "./list-audit-events";

/**
 * Spreadsheet applications run a cell that starts with = + - @ (or a tab/return) as a formula: such cells are
 * prefixed with a quote, as OWASP advises for CSV exports.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const auditCsvHeader = ["time", "action", "outcome", "target", "via", "ip", "user_agent", "details"];

/** The audit log as CSV (RFC 4180: CRLF line ends, quoted where needed). */
export function auditCsv(events: readonly AuditEventView[]): string {
  const lines = [auditCsvHeader.join(",")];
  for (const e of events) lines.push([e.at, e.action, e.outcome, e.target, e.via, e.ip, e.userAgent, JSON.stringify(e.details)].map(cell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
