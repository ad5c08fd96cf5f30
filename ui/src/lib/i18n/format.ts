/**
 * Dates, months and sizes in the UI's language: "19 June 2024" or
 * "19. Juni 2024", "early August 2024" or "Anfang August 2024".
 */
import type { DateModifier } from "../bindings";
import { translate, type Locale } from "./index";

const regions: Record<Locale, string> = { en: "en-GB", de: "de-DE" };

function utc(y: number, m = 1, d = 1): Date {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date;
}

function format(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(regions[locale], { timeZone: "UTC", ...options }).format(date);
}

/** A date value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) in words; other values as they are. */
export function formatWhen(when: string | null, locale: Locale, modifier: DateModifier | null = null): string {
  if (when === null) return translate(locale, "event.undated");
  let text = when;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(when))) text = format(utc(+m[1], +m[2], +m[3]), locale, { day: "numeric", month: "long", year: "numeric" });
  else if ((m = /^(\d{4})-(\d{2})$/.exec(when))) text = format(utc(+m[1], +m[2]), locale, { month: "long", year: "numeric" });
  return modifier ? `${translate(locale, `modifier.${modifier}`)} ${text}` : text;
}

/** A month (`YYYY-MM`) for chart axes: "Jun 2024" / "Juni 2024". */
export function formatMonth(period: string, locale: Locale, short = true): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  return format(utc(+m[1], +m[2]), locale, { month: short ? "short" : "long", year: "numeric" });
}

/** A local calendar day, short: "19 Jun 2024" / "19. Juni 2024". */
export function formatDay(d: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(regions[locale], { day: "numeric", month: "short", year: "numeric" }).format(d);
}

/** A point in time (ISO 8601) with date and minutes, in local time. */
export function formatMoment(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(regions[locale], { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** A signed number with one decimal at most: "+3.5", "−7" (a real minus sign). */
export function formatSigned(n: number, locale: Locale): string {
  const body = new Intl.NumberFormat(regions[locale], { maximumFractionDigits: 1 }).format(Math.abs(n));
  return n > 0 ? `+${body}` : n < 0 ? `−${body}` : body;
}

/** A file size: "812 B", "14 kB", "2.3 MB". */
export function formatSize(bytes: number, locale: Locale): string {
  const nf = (n: number) => new Intl.NumberFormat(regions[locale], { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${nf(bytes / 1000)} kB`;
  return `${nf(bytes / 1_000_000)} MB`;
}
