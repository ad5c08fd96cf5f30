/**
 * What an audit entry changed, in short lines: the JSON values before and
 * after flattened to paths (`north_korea.name`, `a1:e4.when`), with objects
 * in arrays keyed by their id and lists of plain values joined, and only
 * the paths that differ kept. The reports behind an event are left out:
 * they are long and corrections never change them.
 */

export type FieldChange = { path: string; before: string | null; after: string | null };

const SKIPPED = new Set(["reports"]);

function leaf(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== "object")) {
      out.set(path, value.map(leaf).join(", "));
      return;
    }
    value.forEach((v, i) => {
      const id = v && typeof v === "object" && "id" in v ? String((v as { id: unknown }).id) : String(i);
      flatten(v, path ? `${path}.${id}` : id, out);
    });
    return;
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (SKIPPED.has(key)) continue;
      // The top level's "events" and "actors" only group; the ids say enough.
      const next = path === "" && (key === "events" || key === "actors") ? "" : path ? `${path}.${key}` : key;
      flatten(v, next, out);
    }
    return;
  }
  out.set(path, leaf(value));
}

/** The fields that differ between `before` and `after`, in a stable order. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, "", a);
  flatten(after, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((path) => a.get(path) !== b.get(path))
    .map((path) => ({ path, before: a.get(path) ?? null, after: b.get(path) ?? null }));
}
