/**
 * Keeping the network's layout readable and still: boxes (a node with its
 * label) pushed apart until their labels no longer overlap, and a place for
 * an actor that joins an existing layout, next to its neighbours, so that
 * nothing else has to move. Pure geometry, unit tested.
 */

export type Point = { x: number; y: number };

/** A node's box with its label: centre, width and height. Fixed boxes do not move. */
export type Box = Point & { id: string; w: number; h: number; fixed?: boolean };

function overlap(a: Box, b: Box, gap: number): Point | null {
  const dx = (a.w + b.w) / 2 + gap - Math.abs(a.x - b.x);
  const dy = (a.h + b.h) / 2 + gap - Math.abs(a.y - b.y);
  return dx > 0 && dy > 0 ? { x: dx, y: dy } : null;
}

/**
 * Moves boxes apart until no two overlap (with `gap` between them) or the
 * rounds run out; each round moves every overlapping pair apart along the
 * axis where they overlap less. Returns the new centres by id.
 */
export function separateBoxes(input: readonly Box[], gap = 4, rounds = 80): Map<string, Point> {
  const boxes = input.map((b) => ({ ...b }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.fixed && b.fixed) continue;
        const o = overlap(a, b, gap);
        if (!o) continue;
        moved = true;
        const share = a.fixed || b.fixed ? 1 : 0.5;
        if (o.x < o.y) {
          const sign = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          if (!a.fixed) a.x += sign * o.x * share;
          if (!b.fixed) b.x -= sign * o.x * share;
        } else {
          const sign = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          if (!a.fixed) a.y += sign * o.y * share;
          if (!b.fixed) b.y -= sign * o.y * share;
        }
      }
    }
    if (!moved) break;
  }
  return new Map(boxes.map((b) => [b.id, { x: b.x, y: b.y }]));
}

/** Whether any two boxes overlap. */
export function anyOverlap(boxes: readonly Box[], gap = 0): boolean {
  return boxes.some((a, i) => boxes.slice(i + 1).some((b) => overlap(a, b, gap) !== null));
}

/**
 * Where a new node goes: beside the centre of its placed neighbours, or,
 * without any, to the right of everything placed so far. `n` spreads
 * several new nodes around the same spot.
 */
export function placeNear(placed: ReadonlyMap<string, Point>, neighbours: readonly string[], n = 0): Point {
  const known = neighbours.flatMap((id) => placed.get(id) ?? []);
  const angle = (n * 2.4) % (2 * Math.PI);
  if (known.length) {
    const cx = known.reduce((s, p) => s + p.x, 0) / known.length;
    const cy = known.reduce((s, p) => s + p.y, 0) / known.length;
    return { x: cx + 70 * Math.cos(angle), y: cy + 70 * Math.sin(angle) };
  }
  const all = [...placed.values()];
  if (!all.length) return { x: 80 * Math.cos(angle) * n, y: 80 * Math.sin(angle) * n };
  const right = Math.max(...all.map((p) => p.x));
  const top = Math.min(...all.map((p) => p.y));
  return { x: right + 90, y: top + 60 * n };
}
