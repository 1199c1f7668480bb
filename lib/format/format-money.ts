const formatters = new Map<number, Intl.NumberFormat>();

/** US dollars with as many decimals as a small hourly price needs (at least 2, at most 4). */
export function formatMoney(amount: number, decimals: 2 | 4 = 2): string {
  // Building a formatter costs far more than using one, and pages format dozens of prices.
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: 2,
      maximumFractionDigits: decimals,
    });
    formatters.set(decimals, formatter);
  }
  return formatter.format(amount);
}
