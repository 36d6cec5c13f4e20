import { Form, NavLink, useLocation } from "@remix-run/react";
import type { Role } from "../../../db/schema";
import { useT } from "../../i18n/use-t";
import { can, type Permission } from "../../modules/accounts/roles";

type HeaderUser = { displayName: string; role: Role; territoryId: string; territoryName: string; territories: { id: string; name: string }[] } | null;
type SignedIn = NonNullable<HeaderUser>;

// Each link names the permission its page checks, so nobody is shown a link that ends in a refusal.
const NAV: readonly { to: string; key: "nav.dashboard" | "nav.campaigns" | "nav.frameworks" | "nav.projects" | "nav.members" | "nav.outbox"; permission: Permission }[] = [
  { to: "/dashboard", key: "nav.dashboard", permission: "readCampaigns" },
  { to: "/campaigns", key: "nav.campaigns", permission: "readCampaigns" },
  { to: "/frameworks", key: "nav.frameworks", permission: "readCampaigns" },
  { to: "/projects", key: "nav.projects", permission: "readCampaigns" },
  { to: "/members", key: "nav.members", permission: "manageMembers" },
  { to: "/outbox", key: "nav.outbox", permission: "readOutbox" },
];

/**
 * On a wide screen the tools and the navigation are always shown; on a phone a signed-in
 * person gets them folded in a « Menu » (`<details>`: works without JavaScript), so the header
 * takes one line. Only one of the two is displayed (CSS), so each is rendered with its own ids.
 */
export function SiteHeader({ user }: { user: HeaderUser }) {
  const t = useT();
  return (
    <header className="site-header">
      <a className="skip-link" href="#contenu">
        {t("app.skipToContent")}
      </a>
      <div className="site-header__bar">
        <a className="brand" href={user ? "/dashboard" : "/"}>
          <span aria-hidden="true" className="brand__mark">
            ◐
          </span>{" "}
          {t("app.name")}
          {user ? <span className="brand__territory">{user.territoryName}</span> : null}
        </a>
        <div className={user ? "site-header__tools site-header__wide" : "site-header__tools"}>
          <HeaderTools user={user} idPrefix="wide" />
        </div>
        {user ? (
          <details className="site-menu">
            <summary>{t("nav.menu")}</summary>
            <div className="site-menu__body">
              <MainNav user={user} />
              <div className="site-header__tools">
                <HeaderTools user={user} idPrefix="menu" />
              </div>
            </div>
          </details>
        ) : null}
      </div>
      {user ? (
        <div className="site-header__wide">
          <MainNav user={user} />
        </div>
      ) : null}
    </header>
  );
}

function MainNav({ user }: { user: SignedIn }) {
  const t = useT();
  return (
    <nav aria-label={t("app.mainNav")} className="main-nav">
      <ul>
        {NAV.filter((item) => can(user.role, item.permission)).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{t(item.key)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HeaderTools({ user, idPrefix }: { user: HeaderUser; idPrefix: string }) {
  const t = useT();
  const location = useLocation();
  return (
    <>
      <Form method="post" action="/lang" className="inline-form">
        <input type="hidden" name="lang" value={t.locale === "fr" ? "en" : "fr"} />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" className="link-button" lang={t.locale === "fr" ? "en" : "fr"}>
          {t("app.switchTo")}
        </button>
      </Form>
      {user && user.territories.length > 1 ? (
        <Form method="post" action="/territory" className="inline-form">
          <label htmlFor={`${idPrefix}-territory-switch`} className="visually-hidden">
            {t("nav.switchTerritory")}
          </label>
          <select id={`${idPrefix}-territory-switch`} name="territoryId" defaultValue={user.territoryId}>
            {user.territories.map((territory) => (
              <option key={territory.id} value={territory.id}>
                {territory.name}
              </option>
            ))}
          </select>{" "}
          <button type="submit" className="link-button">
            {t("nav.switchTerritory")}
          </button>
        </Form>
      ) : null}
      {user ? (
        <Form method="post" action="/logout" className="inline-form">
          <span className="muted">{t("nav.signedInAs", { name: user.displayName, role: t(`roles.${user.role}`) })}</span>{" "}
          <button type="submit" className="link-button">
            {t("nav.signOut")}
          </button>
        </Form>
      ) : null}
    </>
  );
}

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>{t("app.footer")}</p>
      <p>
        <a href="/privacy">{t("operations.privacy.link")}</a>
      </p>
    </footer>
  );
}
