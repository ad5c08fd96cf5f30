import { describe, expect, it } from "vitest";
import { anyOverlap, placeNear, separateBoxes, type Box } from "./network-layout";

describe("network layout", () => {
  it("pushes overlapping labels apart until none overlap", () => {
    const boxes: Box[] = [
      { id: "a", x: 0, y: 0, w: 80, h: 20 },
      { id: "b", x: 10, y: 5, w: 80, h: 20 },
      { id: "c", x: 20, y: -4, w: 60, h: 20 },
      { id: "d", x: 300, y: 300, w: 40, h: 20 },
    ];
    expect(anyOverlap(boxes)).toBe(true);
    const moved = separateBoxes(boxes, 4);
    const after = boxes.map((b) => ({ ...b, ...moved.get(b.id)! }));
    expect(anyOverlap(after, 3.9)).toBe(false);
    // A box nobody touched stays where it was.
    expect(moved.get("d")).toEqual({ x: 300, y: 300 });
  });

  it("moves only the boxes that are not fixed", () => {
    const boxes: Box[] = [
      { id: "old", x: 0, y: 0, w: 50, h: 20, fixed: true },
      { id: "new", x: 5, y: 0, w: 50, h: 20 },
    ];
    const moved = separateBoxes(boxes, 0);
    expect(moved.get("old")).toEqual({ x: 0, y: 0 });
    // It moves the shorter way (down by one label height), the whole way.
    expect(moved.get("new")).toEqual({ x: 5, y: 20 });
    expect(anyOverlap(boxes.map((b) => ({ ...b, ...moved.get(b.id)! })), -0.01)).toBe(false);
  });

  it("places a new node near its neighbours, or beside everything", () => {
    const placed = new Map([
      ["a", { x: 0, y: 0 }],
      ["b", { x: 100, y: 0 }],
    ]);
    const near = placeNear(placed, ["a", "b"]);
    expect(Math.hypot(near.x - 50, near.y)).toBeCloseTo(70);
    const alone = placeNear(placed, []);
    expect(alone.x).toBeGreaterThan(100);
  });
});
