/**
 * A read-only index by id, built once from a list (kept out of the Svelte
 * state modules: they are rebuilt, never changed in place).
 */
export function lookup<T extends { id: string }, V>(items: readonly T[], value: (item: T) => V): ReadonlyMap<string, V> {
  return new Map(items.map((item) => [item.id, value(item)]));
}
