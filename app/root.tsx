import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useMatches, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { type ReactNode, useContext } from "react";
import { SiteFooter, SiteHeader } from "./components/layout/site-header";
import { FlashMessage } from "./components/layout/flash-message";
import { createTranslator, DEFAULT_LOCALE, type Locale } from "./i18n/i18n";
import { getLocale } from "./i18n/locale.server";
import { useT } from "./i18n/use-t";
import { getMember } from "./modules/accounts/guard.server";
import { listUserTerritories, readFlash } from "./modules/accounts/session.server";
import { db } from "./db.server";
import { NonceContext } from "./lib/http/load-context";
import { OFFLINE_FORMS_SCRIPT, pageScripts } from "./lib/page-scripts";
import { OfflineNotice } from "./components/layout/offline-notice";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, member, flash] = await Promise.all([getLocale(request), getMember(request), readFlash(request)]);
  const territories = member ? await listUserTerritories(db, member.userId) : [];
  const user = member && { displayName: member.displayName, role: member.role, territoryId: member.territoryId, territoryName: member.territoryName, territories };
  return data({ locale, user, flash: flash.message }, { headers: flash.headers });
}

function Document({ children, locale, title }: { children: ReactNode; locale: Locale; title?: string }) {
  // The Content-Security-Policy runs only inline scripts carrying this response's nonce.
  const nonce = useContext(NonceContext);
  // Resident pages ship no React runtime, only the offline-safe form script (lib/page-scripts.ts).
  const scripts = pageScripts(useMatches());
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {scripts === "app" ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <>
            <OfflineNotice />
            <script src={OFFLINE_FORMS_SCRIPT} defer nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  const { locale, user, flash } = useLoaderData<typeof loader>();
  const t = createTranslator(locale);
  return (
    <Document locale={locale}>
      <SiteHeader user={user} />
      <main id="contenu" tabIndex={-1}>
        {flash ? <FlashMessage>{t.dynamic(flash.key, flash.params)}</FlashMessage> : null}
        <Outlet />
      </main>
      <SiteFooter />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <Document locale={locale} title={createTranslator(locale)("app.name")}>
      <SiteHeader user={data?.user ?? null} />
      <main id="contenu" tabIndex={-1}>
        <ErrorMessage status={isRouteErrorResponse(error) ? error.status : 500} />
      </main>
    </Document>
  );
}

function ErrorMessage({ status }: { status: number }) {
  const t = useT();
  const [title, body] =
    status === 404 ? [t("common.notFoundTitle"), t("common.notFoundBody")] : status === 400 ? [t("security.badRequestTitle"), t("security.badRequestBody")] : status === 403 ? [t("common.forbiddenTitle"), t("common.forbiddenBody")] : [t("common.errorTitle"), t("common.errorBody")];
  return (
    <section className="page narrow">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t("common.home")}</a>
      </p>
    </section>
  );
}
