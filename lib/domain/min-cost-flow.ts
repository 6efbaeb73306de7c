// The flow network behind the assignment of a whole pool (matching-assignment.ts): successive shortest
// paths with potentials, general over n sources with one unit each and m sinks with capacities.

/**
 * The flow network: one unit per mentee, mentee → mentor (arc weight w > 0 of the pair, cost −w),
 * mentor → sink T (its free places), and mentee → «без наставника» D → T (weight 0, room for all), so
 * every mentee is placed somewhere and the flow value is fixed. Successive shortest paths: a unit is
 * sent from a mentee (an excess) along the shortest path (Dijkstra on reduced costs, stopping at the
 * target) to T or to a mentor that lost a mentee (a deficit); the potentials keep every residual arc's
 * reduced cost c + p(u) − p(v) non-negative, which is the proof that the flow has minimum cost.
 * Node ids: mentees 0..n−1, mentors n..n+m−1, D = n+m, T = n+m+1. Weights are integers below 2^53,
 * so every sum and comparison is exact.
 */
export function createFlow(n: number, m: number, freePlaces: Int32Array) {
  const D = m;
  const N = n + m + 2;
  const T = N - 1;
  const pot = new Float64Array(N);
  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  const prev = new Int32Array(N).fill(-1);
  const prevWeight = new Float64Array(N);
  const touched = new Int32Array(N);
  let touchedCount = 0;

  const room = (j: number) => (j === D ? n : freePlaces[j]!);
  const slotStart = new Int32Array(m + 2);
  for (let j = 0; j <= m; j++) slotStart[j + 1] = slotStart[j]! + room(j);
  const slotMentee = new Int32Array(slotStart[m + 1]!).fill(-1);
  /** Mentees placed with the mentor, and units the mentor sends to T (more than placed = a deficit). */
  const filled = new Int32Array(m + 1);
  const toSink = new Int32Array(m + 1);
  const slotOf = new Int32Array(n).fill(-1);
  const assigned = new Int32Array(n).fill(-1);
  const assignedWeight = new Float64Array(n);

  let start: Int32Array = new Int32Array(n + 1);
  let arcMentor: Int32Array = new Int32Array(0);
  let arcWeight: Float64Array = new Float64Array(0);

  let heapKey = new Float64Array(0);
  let heapNode = new Int32Array(0);
  let heapLength = 0;
  const push = (key: number, node: number) => {
    let at = heapLength++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heapKey[at] = heapKey[parent]!;
      heapNode[at] = heapNode[parent]!;
      at = parent;
    }
    heapKey[at] = key;
    heapNode[at] = node;
  };
  const pop = () => {
    const node = heapNode[0]!;
    const key = heapKey[--heapLength]!;
    const last = heapNode[heapLength]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= heapLength) break;
      if (child + 1 < heapLength && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= key) break;
      heapKey[at] = heapKey[child]!;
      heapNode[at] = heapNode[child]!;
      at = child;
    }
    heapKey[at] = key;
    heapNode[at] = last;
    return node;
  };
  const relax = (v: number, d: number, from: number, weight: number) => {
    if (d < dist[v]!) {
      if (dist[v] === Infinity) touched[touchedCount++] = v;
      dist[v] = d;
      prev[v] = from;
      prevWeight[v] = weight;
      push(d, v);
    }
  };

  function setArcs(nextStart: Int32Array, nextMentor: Int32Array, nextWeight: Float64Array) {
    start = nextStart;
    arcMentor = nextMentor;
    arcWeight = nextWeight;
    // A node is pushed at most once per arc into it: forward arcs, D arcs, slots, arcs to and from T.
    const size = start[n]! + n + slotStart[m + 1]! + 2 * (m + 1) + 1;
    if (heapKey.length < size) {
      heapKey = new Float64Array(size);
      heapNode = new Int32Array(size);
    }
  }

  /** A potential for a mentee with no incoming arcs that keeps the reduced costs of its arcs non-negative. */
  function raise(i: number) {
    let p = Math.max(pot[i]!, pot[n + D]!);
    for (let k = start[i]!; k < start[i + 1]!; k++) p = Math.max(p, pot[n + arcMentor[k]!]! + arcWeight[k]!);
    pot[i] = p;
  }

  function removeFromSlot(i: number) {
    const j = assigned[i]!;
    const last = slotStart[j]! + --filled[j]!;
    const slot = slotOf[i]!;
    const moved = slotMentee[last]!;
    slotMentee[slot] = moved;
    slotOf[moved] = slot;
    slotMentee[last] = -1;
    slotOf[i] = -1;
    assigned[i] = -1;
  }

  const path: number[] = [];
  /**
   * Sends the unit of mentee `source` along the shortest path to T (`toSink`) or else to the nearest
   * mentor in deficit (one that sends more to T than it has mentees placed).
   */
  function route(source: number, toSinkTarget: boolean) {
    let target = toSinkTarget ? T : -1;
    touchedCount = 0;
    heapLength = 0;
    dist[source] = 0;
    touched[touchedCount++] = source;
    push(0, source);
    while (heapLength > 0) {
      const u = pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u === target) break;
      if (target < 0 && u >= n && u < T && toSink[u - n]! > filled[u - n]!) {
        target = u;
        break;
      }
      const du = dist[u]!;
      const pu = pot[u]!;
      if (u < n) {
        const current = assigned[u]!;
        for (let k = start[u]!, end = start[u + 1]!; k < end; k++) {
          const j = arcMentor[k]!;
          if (j === current || done[n + j]) continue;
          relax(n + j, du - arcWeight[k]! + pu - pot[n + j]!, u, arcWeight[k]!);
        }
        if (current !== D && !done[n + D]) relax(n + D, du + pu - pot[n + D]!, u, 0);
      } else if (u < T) {
        const j = u - n;
        for (let s = slotStart[j]!, end = s + filled[j]!; s < end; s++) {
          const k = slotMentee[s]!;
          if (!done[k]) relax(k, du + assignedWeight[k]! + pu - pot[k]!, u, 0);
        }
        if (toSink[j]! < room(j) && !done[T]) relax(T, du + pu - pot[T]!, u, 0);
      } else {
        for (let j = 0; j <= m; j++) if (toSink[j]! > 0 && !done[n + j]) relax(n + j, du + pu - pot[n + j]!, u, 0);
      }
    }

    // Potentials: p += min(dist, dist(target)) − dist(target); only nodes closer than the target change.
    const dTarget = target < 0 ? Infinity : dist[target]!;
    if (dTarget === Infinity) throw new Error("matching: the flow target is unreachable (broken invariant)");
    for (let t = 0; t < touchedCount; t++) {
      const v = touched[t]!;
      if (done[v] && dist[v]! < dTarget) pot[v] = pot[v]! + dist[v]! - dTarget;
    }

    // Augment: mentees leave the mentors they swap out of first, then join their new ones.
    path.length = 0;
    for (let v = target; v !== source; v = prev[v]!) path.push(v);
    path.push(source);
    path.reverse();
    for (let k = 1; k < path.length; k++) {
      const u = path[k - 1]!;
      const v = path[k]!;
      if (u >= n && u < T && v < n) removeFromSlot(v);
    }
    for (let k = 1; k < path.length; k++) {
      const u = path[k - 1]!;
      const v = path[k]!;
      if (u < n) {
        const j = v - n;
        const slot = slotStart[j]! + filled[j]!++;
        slotMentee[slot] = u;
        slotOf[u] = slot;
        assigned[u] = j;
        assignedWeight[u] = prevWeight[v]!;
      } else if (v === T) toSink[u - n]!++;
      else if (u === T) toSink[v - n]!--;
    }

    for (let t = 0; t < touchedCount; t++) {
      const v = touched[t]!;
      dist[v] = Infinity;
      done[v] = 0;
      prev[v] = -1;
    }
  }

  return {
    pot,
    assigned,
    setArcs,
    /** Places a mentee not yet in the flow. */
    insert(i: number) {
      raise(i);
      route(i, true);
    },
    /** Takes a placed mentee out, leaving a deficit at its mentor. */
    detach(i: number) {
      removeFromSlot(i);
    },
    /** Places a detached mentee again (after its arcs changed), sending its unit to the nearest deficit. */
    reattach(i: number) {
      raise(i);
      route(i, false);
    },
  };
}
