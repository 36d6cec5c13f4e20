import { createCookie, redirect } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./i18n";

// The language choice is a plain preference cookie: no account needed, works without JavaScript.
export const localeCookie = createCookie("lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export async function getLocale(request: Request): Promise<Locale> {
  const value = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * A link that names its language (`?lang=en`, in an e-mail written in English) opens its page in
 * that language: the choice is kept like the header's switch keeps it (the switch changes it
 * back), and the page reloads without the parameter. Throws that redirect; returns if none.
 */
export async function followLinkLanguage(request: Request): Promise<void> {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  if (!isLocale(lang)) return;
  url.searchParams.delete("lang");
  throw redirect(`${url.pathname}${url.search}`, { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}
