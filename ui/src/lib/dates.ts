/**
 * TIMEX3-style date values (`2024-06-19`, `2024-06`, `2024`, `2024-SU`,
 * `2024-Q3`, `2024-W33`, `197` for a decade) turned into a time range in local
 * time: a day is a point, anything coarser a half-open range [start, end) that
 * covers the whole period and is marked approximate.
 */

export type TimeRange = {
  start: Date;
  /** Exclusive end; null for a single day (drawn as a point). */
  end: Date | null;
  approximate: boolean;
};

/** A local date that also works for years below 100. */
function local(year: number, month0: number, day = 1): Date {
  const d = new Date(2000, 0, 1);
  d.setFullYear(year, month0, day);
  return d;
}

function range(start: Date, end: Date): TimeRange {
  return { start, end, approximate: true };
}

const seasons: Record<string, number> = { SP: 2, SU: 5, FA: 8, AU: 8, WI: 11 };

/** The range a date value covers, or null when it is missing or not a date. */
export function timeRange(value: string | null | undefined): TimeRange | null {
  if (!value) return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    const date = local(y, mo - 1, d);
    if (date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
    return { start: date, end: null, approximate: false };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const [y, mo] = [+m[1], +m[2]];
    if (mo < 1 || mo > 12) return null;
    return range(local(y, mo - 1), local(y, mo));
  }
  if ((m = /^(\d{4})$/.exec(value))) return range(local(+m[1], 0), local(+m[1] + 1, 0));
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value))) {
    const first = seasons[m[2]];
    return range(local(+m[1], first), local(+m[1], first + 3));
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = +m[2] - 1;
    return range(local(+m[1], q * 3), local(+m[1], q * 3 + 3));
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const h = +m[2] - 1;
    return range(local(+m[1], h * 6), local(+m[1], h * 6 + 6));
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const [y, w] = [+m[1], +m[2]];
    if (w < 1 || w > 53) return null;
    // ISO week 1 is the week with January 4th in it; weeks start on Monday.
    const jan4 = local(y, 0, 4);
    const monday = local(y, 0, 4 - ((jan4.getDay() + 6) % 7) + (w - 1) * 7);
    const next = local(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7);
    return range(monday, next);
  }
  if ((m = /^(\d{3})$/.exec(value))) return range(local(+m[1] * 10, 0), local(+m[1] * 10 + 10, 0));
  if ((m = /^(\d{2})$/.exec(value))) return range(local(+m[1] * 100, 0), local(+m[1] * 100 + 100, 0));
  return null;
}
