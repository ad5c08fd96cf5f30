/**
 * Scales of the escalation chart, framework-free so that the Svelte chart
 * and the SVG export draw the same thing: months on x (every month between
 * the first and the last point, so that quiet months are visible as zero),
 * the index on y with round ticks that always include zero.
 */
import type { EscalationPoint } from "./bindings";

export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };

export type Scales = {
  months: string[];
  /** The x of a month's centre. */
  x(period: string): number;
  y(value: number): number;
  ticks: number[];
  /** Width of one month's band. */
  band: number;
};

/** Every month from `first` to `last` (`YYYY-MM`), both included; empty when out of order or malformed. */
export function monthsBetween(first: string, last: string): string[] {
  const parse = (p: string) => {
    const m = /^(\d{4})-(\d{2})$/.exec(p);
    return m ? +m[1] * 12 + (+m[2] - 1) : NaN;
  };
  const [a, b] = [parse(first), parse(last)];
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return [];
  const out: string[] = [];
  for (let n = a; n <= b; n++) out.push(`${String(Math.floor(n / 12)).padStart(4, "0")}-${String((n % 12) + 1).padStart(2, "0")}`);
  return out;
}

/** Round tick values covering [min, max] and zero, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi - lo < 1e-9) return [-1, 0, 1];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6 || 0);
  if (ticks[ticks.length - 1] < hi) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

/** The scales for some series drawn together in a box. */
export function escalationScales(series: readonly (readonly EscalationPoint[])[], box: ChartBox): Scales {
  const periods = series.flat().map((p) => p.period).sort();
  const months = periods.length ? monthsBetween(periods[0], periods[periods.length - 1]) : [];
  const values = series.flat().map((p) => p.index);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const [lo, hi] = [ticks[0], ticks[ticks.length - 1]];
  const innerW = Math.max(1, box.width - box.left - box.right);
  const innerH = Math.max(1, box.height - box.top - box.bottom);
  const band = innerW / Math.max(1, months.length);
  const position = new Map(months.map((m, i) => [m, i]));
  return {
    months,
    band,
    ticks,
    x: (period) => box.left + band * ((position.get(period) ?? 0) + 0.5),
    y: (value) => box.top + innerH * (1 - (value - lo) / (hi - lo)),
  };
}

/** A series with a zero for every month it has no point in, in month order. */
export function filled(series: readonly EscalationPoint[], months: readonly string[]): EscalationPoint[] {
  const byMonth = new Map(series.map((p) => [p.period, p]));
  return months.map((m) => byMonth.get(m) ?? { period: m, index: 0, events: [] });
}

/** An SVG path through a series' points (zeros filled in). */
export function linePath(series: readonly EscalationPoint[], scales: Scales): string {
  return filled(series, scales.months)
    .map((p, i) => `${i ? "L" : "M"}${scales.x(p.period).toFixed(1)},${scales.y(p.index).toFixed(1)}`)
    .join(" ");
}
