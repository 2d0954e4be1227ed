// Controlled rounding of the published figures (see README.md in this folder).
//
// The ledger is cut into atoms (one per 项 × fund × type × economic 款 × unit). Every printed figure
// is the sum of a group of atoms. Each atom is rounded once, down or up to a whole unit (0.01 万元),
// and every printed figure is the sum of its atoms' rounded values, so every identity between
// printed figures (parent = Σ children, 合计 = 基本 + 项目, table against table) holds exactly.
//
// 1. Top-down: the grand total is the exact total rounded half-up; going down the primary tree
//    (类 → 款 → 项 → fund → type → economic 款 → unit), each node's rounded value is shared among
//    its children by largest remainder (each child gets its exact value rounded down, and the units
//    left over go to the children with the largest remainders).
// 2. Repair: figures that cut across that tree (a fund column summed over many 项, an economic item,
//    a basic-expenditure total) may drift. Pairs of atoms swap their rounding direction (one down,
//    one up, so the grand total stays) until every printed figure is its exact value rounded down or
//    up, i.e. less than 0.01 万元 from it. The tables cross three ways, and a three-way table does
//    not always have such a rounding; then a figure whose exact value is a whole number of units may
//    be left one unit off (0.01 万元, the most the search ever accepts), and is reported in `outside`.
//
// All money is integer fen (bigint); the search itself only counts atoms rounded up.

export interface RoundingGroup {
  readonly id: string;
  readonly atoms: readonly number[];
}

export interface RoundingInput {
  /** Exact value of each atom, in fen. */
  readonly exact: readonly bigint[];
  /** Each atom's path in the primary tree, top to bottom (the top-down order). */
  readonly paths: readonly (readonly string[])[];
  /** Every printed figure, as the atoms it sums. */
  readonly groups: readonly RoundingGroup[];
  /** Fen per printed unit: 10000 for 0.01 万元. */
  readonly unit: bigint;
  /** Cap on repair swaps. */
  readonly maxSwaps?: number;
}

/** A printed figure that is not its exact value rounded down or up. */
export interface OutOfBand {
  readonly id: string;
  /** Printed value, in units. */
  readonly shown: bigint;
  /** Exact value, in fen. */
  readonly exact: bigint;
  /**
   * False: a whole exact value (say 5.00) printed one unit off (5.01), still within 0.01 万元;
   * true: more than 0.01 万元 off (the repair gave up).
   */
  readonly beyond: boolean;
}

export interface RoundingResult {
  /** Rounded atoms, in printed units. */
  readonly atoms: readonly bigint[];
  /** The grand total, in printed units (the exact total rounded half-up). */
  readonly total: bigint;
  /** Swaps made by the repair step. */
  readonly swaps: number;
  /** Groups whose sum is not their exact value rounded down or up (see OutOfBand). */
  readonly outside: readonly OutOfBand[];
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** Half away from zero, like Decimal.ROUND_HALF_UP. */
export function roundHalfUp(a: bigint, b: bigint): bigint {
  return a >= 0n ? floorDiv(2n * a + b, 2n * b) : -floorDiv(-2n * a + b, 2n * b);
}

interface TreeNode {
  readonly key: string;
  readonly children: Map<string, TreeNode>;
  atom: number;
  exact: bigint;
  /** Groups every atom below this node belongs to (sorted). */
  common: number[];
}

function newNode(key: string): TreeNode {
  return { key, children: new Map(), atom: -1, exact: 0n, common: [] };
}

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/**
 * Step 1: largest remainder, top-down along the atoms' paths. Children with equal remainders (all
 * of them, when amounts are whole multiples of 50 元) are ordered by what rounding them up does to
 * the figures they belong to wholly: the one whose figures have so far been rounded down most goes
 * up first (error diffusion), then the larger exact value, then the key.
 */
export function topDown(
  exact: readonly bigint[],
  paths: readonly (readonly string[])[],
  unit: bigint,
  groupsOf: readonly (readonly number[])[] = [],
  groupCount = 0,
): { atoms: bigint[]; total: bigint } {
  const root = newNode('');
  exact.forEach((x, i) => {
    let node = root;
    node.exact += x;
    for (const k of [...paths[i], `#${i}`]) {
      let next = node.children.get(k);
      if (!next) node.children.set(k, (next = newNode(k)));
      next.exact += x;
      node = next;
    }
    node.atom = i;
    node.common = [...(groupsOf[i] ?? [])].sort((a, b) => a - b);
  });
  const fillCommon = (node: TreeNode): number[] => {
    if (node.atom >= 0) return node.common;
    let common: number[] | undefined;
    for (const c of node.children.values()) {
      const cc = fillCommon(c);
      common = common === undefined ? cc : intersect(common, cc);
    }
    node.common = common ?? [];
    return node.common;
  };
  fillCommon(root);

  const err = new Float64Array(groupCount); // Σ (rounded − exact) of the atoms done so far, in fen
  const atoms: bigint[] = exact.map(() => 0n);
  const total = roundHalfUp(root.exact, unit);
  const u = Number(unit);
  const share = (node: TreeNode, value: bigint): void => {
    if (node.atom >= 0) {
      atoms[node.atom] = value;
      const e = Number(value * unit - node.exact);
      if (e) for (const g of node.common) err[g] += e;
      return;
    }
    const kids = [...node.children.values()].map((c) => {
      const floor = floorDiv(c.exact, unit);
      const rem = c.exact - floor * unit;
      // How much rounding this child up (rather than down) brings its figures' errors towards 0.
      let gain = 0;
      const r = Number(rem);
      for (const g of c.common) gain += Math.abs(err[g] - r) - Math.abs(err[g] - r + u);
      return { c, floor, rem, gain };
    });
    let left = value - kids.reduce((s, k) => s + k.floor, 0n);
    kids.sort((a, b) =>
      a.rem !== b.rem
        ? a.rem > b.rem
          ? -1
          : 1
        : a.gain !== b.gain
          ? b.gain - a.gain
          : a.c.exact !== b.c.exact
            ? a.c.exact > b.c.exact
              ? -1
              : 1
            : a.c.key < b.c.key
              ? -1
              : 1,
    );
    const out = new Map<TreeNode, bigint>();
    for (const k of kids) {
      let v = k.floor;
      if (left > 0n && k.rem > 0n) {
        v += 1n;
        left -= 1n;
      }
      out.set(k.c, v);
    }
    // Cannot happen when value is the node's exact value rounded down or up; kept for safety.
    if (left !== 0n && kids.length) out.set(kids[0].c, out.get(kids[0].c)! + left);
    for (const k of kids) share(k.c, out.get(k.c)!);
  };
  share(root, total);
  return { atoms, total };
}

/** Weight of a figure off by 0.01 万元 or more, against one merely not rounded to its nearest units. */
const OUTSIDE = 64;

/** Step 2 and the whole method: see the file header. */
export function roundControlled(input: RoundingInput): RoundingResult {
  const { exact, unit } = input;
  const n = exact.length;
  const m = input.groups.length;
  const flexible = exact.map((x) => x % unit !== 0n);
  const groupsOf: number[][] = Array.from({ length: n }, () => []);
  input.groups.forEach((g, gi) => {
    for (const a of g.atoms) if (flexible[a]) groupsOf[a].push(gi);
  });
  const start = topDown(exact, input.paths, unit, groupsOf, m);
  const lo = exact.map((x) => floorDiv(x, unit));
  const up = new Uint8Array(n);
  for (let i = 0; i < n; i++) up[i] = start.atoms[i] > lo[i] ? 1 : 0;

  // Each group as bands on the count of its atoms rounded up: [L, U] rounded down or up (strictly
  // less than 0.01 万元 off), [L2, U2] at most 0.01 万元 off (wider only for whole exact values).
  const L = new Int32Array(m);
  const U = new Int32Array(m);
  const L2 = new Int32Array(m);
  const U2 = new Int32Array(m);
  const cnt = new Int32Array(m);
  const size = new Int32Array(m);
  const members: number[][] = [];
  input.groups.forEach((g, gi) => {
    let base = 0n;
    let x = 0n;
    const flex: number[] = [];
    for (const a of g.atoms) {
      base += lo[a];
      x += exact[a];
      if (flexible[a]) {
        flex.push(a);
        cnt[gi] += up[a];
      }
    }
    L[gi] = Number(floorDiv(x, unit) - base);
    U[gi] = Number(ceilDiv(x, unit) - base);
    L2[gi] = Number(ceilDiv(x, unit) - 1n - base);
    U2[gi] = Number(floorDiv(x, unit) + 1n - base);
    size[gi] = flex.length;
    members.push(flex);
  });

  const cost = (g: number, c: number) =>
    c > U[g] ? c - U[g] + (c > U2[g] ? OUTSIDE * (c - U2[g]) : 0) : c < L[g] ? L[g] - c + (c < L2[g] ? OUTSIDE * (L2[g] - c) : 0) : 0;
  const delta = (a: number, d: number) => {
    let s = 0;
    for (const g of groupsOf[a]) s += cost(g, cnt[g] + d) - cost(g, cnt[g]);
    return s;
  };
  const flip = (a: number, d: number) => {
    up[a] += d;
    for (const g of groupsOf[a]) cnt[g] += d;
  };

  let V = 0;
  for (let g = 0; g < m; g++) V += cost(g, cnt[g]);
  let bestV = V;
  let bestUp = V ? Uint8Array.from(up) : up;
  let swaps = 0;
  const flexAtoms: number[] = [];
  for (let i = 0; i < n; i++) if (flexible[i]) flexAtoms.push(i);
  const maxSwaps = input.maxSwaps ?? 2000 + flexAtoms.length;
  const patience = 300;
  const tabu = new Int32Array(n);
  const mark = new Int32Array(n);
  const dj = new Float64Array(n);
  const K = 6;
  const M = 48;
  const NEAR = 400;
  const TENURE = 7;
  let sinceBest = 0;

  for (let iter = 1; V > 0 && iter <= maxSwaps && sinceBest < patience; iter++) {
    // The worst, then most specific, violated figure; rotate among equals so a stuck one does not block.
    const violated: number[] = [];
    for (let g = 0; g < m; g++) if (cost(g, cnt[g]) > 0) violated.push(g);
    violated.sort((a, b) => cost(b, cnt[b]) - cost(a, cnt[a]) || size[a] - size[b] || a - b);
    const A = violated[Math.floor(iter / 7) % Math.min(violated.length, 1 + Math.floor(sinceBest / 20))];
    const dir = cnt[A] > U[A] ? -1 : 1;
    const want = dir < 0 ? 1 : 0;
    for (const a of members[A]) mark[a] = -iter; // inside A: no partner from here
    const cands = members[A].filter((a) => up[a] === want && tabu[a] <= iter).map((a) => ({ a, d: delta(a, dir) }));
    cands.sort((x, y) => x.d - y.d || x.a - y.a);
    // Partners: the best single flips anywhere, and the atoms sharing a small figure with i.
    const global: number[] = [];
    for (const j of flexAtoms) {
      if (mark[j] === -iter || up[j] !== 1 - want || tabu[j] > iter) continue;
      dj[j] = delta(j, -dir);
      global.push(j);
    }
    global.sort((x, y) => dj[x] - dj[y] || x - y);
    const top = global.slice(0, M);
    let bi = -1;
    let bj = -1;
    let bt = Infinity;
    for (const { a: i, d: di } of cands.slice(0, K)) {
      flip(i, dir);
      const tryJ = (j: number) => {
        if (j === i || mark[j] === -iter || mark[j] === iter || up[j] !== 1 - want || tabu[j] > iter) return;
        mark[j] = iter;
        const t = di + delta(j, -dir);
        if (t < bt || (t === bt && j < bj)) [bi, bj, bt] = [i, j, t];
      };
      for (const j of top) tryJ(j);
      for (const g of groupsOf[i]) if (size[g] <= NEAR) for (const j of members[g]) tryJ(j);
      for (const j of top) if (mark[j] === iter) mark[j] = 0;
      for (const g of groupsOf[i]) if (size[g] <= NEAR) for (const j of members[g]) if (mark[j] === iter) mark[j] = 0;
      flip(i, -dir);
    }
    for (const a of members[A]) mark[a] = 0;
    if (bi < 0) {
      sinceBest++;
      continue;
    }
    flip(bi, dir);
    flip(bj, -dir);
    swaps++;
    V += bt;
    if (bt >= 0) tabu[bi] = tabu[bj] = iter + TENURE;
    if (V < bestV) {
      bestV = V;
      bestUp = V ? Uint8Array.from(up) : up;
      sinceBest = 0;
    } else sinceBest++;
  }
  if (bestUp !== up) up.set(bestUp);

  const atoms = lo.map((l, i) => l + BigInt(up[i]));
  const outside: OutOfBand[] = [];
  input.groups.forEach((g) => {
    let shown = 0n;
    let x = 0n;
    for (const a of g.atoms) {
      shown += atoms[a];
      x += exact[a];
    }
    if (shown < floorDiv(x, unit) || shown > ceilDiv(x, unit))
      outside.push({ id: g.id, shown, exact: x, beyond: shown < ceilDiv(x, unit) - 1n || shown > floorDiv(x, unit) + 1n });
  });
  return { atoms, total: start.total, swaps, outside };
}
