/**
 * Minimum-cost maximum flow by successive shortest paths (queue-based
 * Bellman-Ford on the residual graph, so costs may be any non-negative reals and capacities real
 * numbers). Each augmentation sends as much as the cheapest path allows; the
 * result is a maximum flow of least total cost. Graphs here are small (one node
 * per hand-back and one per receiving provider), so clarity beats speed.
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
    // Shortest path on the residual graph by a queue-based Bellman-Ford (SPFA):
    // only nodes whose distance fell are relaxed again.
    const distance = new Array<number>(nodeCount).fill(Infinity);
    const previous: ([number, number] | null)[] = new Array(nodeCount).fill(null);
    const queued = new Uint8Array(nodeCount);
    const queue: number[] = [source];
    distance[source] = 0;
    queued[source] = 1;
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      queued[u] = 0;
      const edgesOfU = graph[u]!;
      for (let index = 0; index < edgesOfU.length; index++) {
        const e = edgesOfU[index]!;
        if (e.capacity - e.flow > EPSILON && distance[u]! + e.cost < distance[e.to]! - EPSILON) {
          distance[e.to] = distance[u]! + e.cost;
          previous[e.to] = [u, index];
          if (!queued[e.to]) {
            queued[e.to] = 1;
            queue.push(e.to);
          }
        }
      }
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
