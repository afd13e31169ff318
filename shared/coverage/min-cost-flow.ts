/**
 * Minimum-cost maximum flow by successive shortest paths (Bellman-Ford on the
 * residual graph, so costs may be any non-negative reals and capacities real
 * numbers). Each augmentation sends as much as the cheapest path allows; the
 * result is a maximum flow of least total cost. Graphs here are small (one node
 * per provider-zone holding plus one per zone), so clarity beats speed.
 */
export interface FlowEdge {
  from: number;
  to: number;
  capacity: number;
  cost: number;
}

interface Residual {
  to: number;
  capacity: number;
  cost: number;
  reverse: number;
  flow: number;
  original: boolean;
}

const EPSILON = 1e-9;

export function minCostMaxFlow(nodeCount: number, edges: readonly FlowEdge[], source: number, sink: number): { flow: number; cost: number; edgeFlows: number[] } {
  const graph: Residual[][] = Array.from({ length: nodeCount }, () => []);
  const handles: [number, number][] = [];
  for (const edge of edges) {
    const forward: Residual = { to: edge.to, capacity: edge.capacity, cost: edge.cost, reverse: graph[edge.to]!.length, flow: 0, original: true };
    const backward: Residual = { to: edge.from, capacity: 0, cost: -edge.cost, reverse: graph[edge.from]!.length, flow: 0, original: false };
    handles.push([edge.from, graph[edge.from]!.length]);
    graph[edge.from]!.push(forward);
    graph[edge.to]!.push(backward);
  }

  let totalFlow = 0;
  let totalCost = 0;
  for (;;) {
    const distance = new Array<number>(nodeCount).fill(Infinity);
    const previous: ([number, number] | null)[] = new Array(nodeCount).fill(null);
    distance[source] = 0;
    for (let round = 0; round < nodeCount; round++) {
      let changed = false;
      for (let u = 0; u < nodeCount; u++) {
        if (distance[u] === Infinity) continue;
        graph[u]!.forEach((e, index) => {
          if (e.capacity - e.flow > EPSILON && distance[u]! + e.cost < distance[e.to]! - EPSILON) {
            distance[e.to] = distance[u]! + e.cost;
            previous[e.to] = [u, index];
            changed = true;
          }
        });
      }
      if (!changed) break;
    }
    if (distance[sink] === Infinity) break;

    let push = Infinity;
    for (let v = sink; v !== source; ) {
      const [u, index] = previous[v]!;
      const e = graph[u]![index]!;
      push = Math.min(push, e.capacity - e.flow);
      v = u;
    }
    for (let v = sink; v !== source; ) {
      const [u, index] = previous[v]!;
      const e = graph[u]![index]!;
      e.flow += push;
      graph[e.to]![e.reverse]!.flow -= push;
      v = u;
    }
    totalFlow += push;
    totalCost += push * distance[sink]!;
  }
  const edgeFlows = handles.map(([u, index]) => Math.max(0, graph[u]![index]!.flow));
  return { flow: totalFlow, cost: totalCost, edgeFlows };
}
