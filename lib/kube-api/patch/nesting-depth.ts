/** How deep objects and lists nest in a JSON value (`{"a":1}` is 1, a scalar 0), walked without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [v, above] = entry;
    if (typeof v !== "object" || v === null) continue;
    const depth = above + 1;
    if (depth > deepest) deepest = depth;
    for (const item of Array.isArray(v) ? v : Object.values(v))
      if (typeof item === "object" && item !== null) stack.push([item, depth]);
  }
  return deepest;
}
