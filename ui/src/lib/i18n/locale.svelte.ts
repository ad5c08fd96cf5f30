/**
 * The UI's current language as reactive state: at first the system's
 * (`navigator.languages`), then whatever the analyst picks in the toolbar,
 * remembered for next time. `t` and `tn` read it, so text in components
 * follows a switch at once.
 */
import { locales, pickLocale, translate, translatePlural, type Locale, type MessageKey, type Params, type PluralKey } from "./index";

const STORAGE_KEY = "lagebild.locale";

function stored(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return value && (locales as readonly string[]).includes(value) ? (value as Locale) : null;
  } catch {
    return null;
  }
}

function system(): Locale {
  const nav = globalThis.navigator;
  return pickLocale(nav?.languages?.length ? nav.languages : [nav?.language ?? "en"]);
}

let current = $state<Locale>(stored() ?? system());

export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(locale: Locale) {
    current = locale;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Without storage the choice lasts for this session only.
    }
  },
};

export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

export function tn(key: PluralKey, count: number, params?: Params): string {
  return translatePlural(current, key, count, params);
}
