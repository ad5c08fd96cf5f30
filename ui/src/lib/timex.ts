/**
 * Event dates as the analyst edits and the dossier merges them: TIMEX3-style
 * values of a year (`2024`), a month (`2024-06`) or a day (`2024-06-19`).
 * Checks a value, tells its precision, and says whether two reports' dates
 * can be the same event's and what period holds them all.
 */
import type { Precision } from "./bindings";

const forms: [RegExp, Precision][] = [
  [/^\d{4}$/, "year"],
  [/^\d{4}-(0[1-9]|1[0-2])$/, "month"],
  [/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "day"],
];

/** The precision of a year, month or day value; null for anything else (including 2024-02-30). */
export function precisionOf(value: string): Precision | null {
  for (const [form, precision] of forms) {
    if (!form.test(value)) continue;
    if (precision === "day") {
      const [y, m, d] = value.split("-").map(Number);
      const date = new Date(Date.UTC(2000, m - 1, d));
      date.setUTCFullYear(y);
      if (date.getUTCMonth() !== m - 1) return null;
    }
    return precision;
  }
  return null;
}

/** Whether one value's period holds the other's (2024 holds 2024-06, which holds 2024-06-19). */
export function contains(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(outer + "-");
}

/** Two reports' dates fit one event: one is missing, or one period holds the other. */
export function compatible(a: string | null, b: string | null): boolean {
  return a === null || b === null || contains(a, b) || contains(b, a);
}

/** Two reports' dates disagree but are close enough to be one event told twice: the same month. */
export function sameMonth(a: string, b: string): boolean {
  return a.length >= 7 && b.length >= 7 && a.slice(0, 7) === b.slice(0, 7);
}

/**
 * What a set of dates says together: the finest value when they nest in one
 * another, otherwise the finest period that holds them all (their common
 * month or year) and the conflict (the distinct values, sorted). Null dates
 * are left out; all null gives null.
 */
export function combineDates(values: readonly (string | null)[]): { when: string | null; conflict: string[] | null } {
  const dated = [...new Set(values.filter((v): v is string => v !== null))].sort();
  if (!dated.length) return { when: null, conflict: null };
  const finest = dated.reduce((a, b) => (b.length > a.length ? b : a));
  if (dated.every((v) => contains(v, finest))) return { when: finest, conflict: null };
  let common = dated[0];
  for (const v of dated) while (common && !contains(common, v)) common = common.length > 4 ? common.slice(0, common.length - 3) : "";
  return { when: common || null, conflict: dated };
}
