/** Each area's neighbours, from the pairs of areas that share a border (each pair given once). */
export function neighbourLists(pairs: Iterable<readonly [string, string]>): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = lists.get(a);
    if (list) list.push(b);
    else lists.set(a, [b]);
  };
  for (const [a, b] of pairs) {
    link(a, b);
    link(b, a);
  }
  return lists;
}
