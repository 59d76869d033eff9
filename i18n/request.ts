import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale } from "./locales";
import { loadMessages } from "./messages";

// No locale in the URL: staff pick French or English once, kept in a cookie.
export default getRequestConfig(async () => {
  const store = await cookies();
  const asked = store.get("locale")?.value;
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: "Africa/Abidjan",
    messages: await loadMessages(locale),
  };
});
