/** US dollars with as many decimals as a small hourly price needs (at least 2, at most 4). */
export function formatMoney(amount: number, decimals: 2 | 4 = 2): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: decimals,
  }).format(amount);
}
