/**
 * The UI's two languages: picking one from the system's preferences, and
 * looking strings up with `{name}` placeholders and one/other plurals. The
 * strings themselves live in one dictionary per language (`en.ts`, `de.ts`);
 * the German one must have every key of the English one (the type checker
 * sees to that).
 */
import { de } from "./de";
import { en } from "./en";

export type Locale = "en" | "de";
export const locales: readonly Locale[] = ["en", "de"];

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** Keys that come as a `.one` and `.other` pair, without that ending. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

const dictionaries: Record<Locale, Messages> = { en, de };

/** The first of the system's preferred languages that the UI speaks; English otherwise (also for "C"). */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if ((locales as readonly string[]).includes(base)) return base as Locale;
  }
  return "en";
}

export type Params = Record<string, string | number>;

function fill(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The string for `key` in the locale, its placeholders filled. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return fill(dictionaries[locale][key], params);
}

/** The one/other form for a count; `{count}` is filled with the number. */
export function translatePlural(locale: Locale, key: PluralKey, count: number, params?: Params): string {
  const form = count === 1 ? "one" : "other";
  return fill(dictionaries[locale][`${key}.${form}` as MessageKey], { count, ...params });
}

/** Whether a string names a message (for keys built from data, such as event types). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
