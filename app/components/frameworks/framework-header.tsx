import { Link } from "@remix-run/react";
import { formatDate, type Translate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

type Crumb = { label: string; to?: string };

/** « Cadres d'évaluation › <titre> › Brouillon v2 »: where a council officer is. The last crumb is the page. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const t = useT();
  return (
    <nav className="breadcrumbs" aria-label={t("frameworks.detail.breadcrumb")}>
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={index}>
            {crumb.to ? (
              <Link to={crumb.to}>{crumb.label}</Link>
            ) : (
              <span aria-current={index === crumbs.length - 1 ? "page" : undefined}>{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The crumbs down to one version of a framework: library › title › « Brouillon v2 » / « Version 1 ». */
export function frameworkCrumbs(t: Translate, framework: { id: string; title: string }, version: { number: number; status: "draft" | "published" }, linkVersion: boolean): Crumb[] {
  const label = version.status === "draft" ? t("frameworks.detail.crumbDraft", { number: String(version.number) }) : t("frameworks.detail.crumbPublished", { number: String(version.number) });
  return [
    { label: t("frameworks.library.title"), to: "/frameworks" },
    { label: framework.title, to: `/frameworks/${framework.id}` },
    { label, to: linkVersion ? `/frameworks/${framework.id}?version=${version.number}` : undefined },
  ];
}

/** The version's state as a badge and one line: draft (not usable yet) or published (frozen, usable). */
export function VersionStatus({ number, status, publishedAt, isStarter }: { number: number; status: "draft" | "published"; publishedAt: string | null; isStarter: boolean }) {
  const t = useT();
  return (
    <p className="status-line">
      {isStarter ? <span className="badge">{t("frameworks.detail.starterBadge")}</span> : null}
      <span className={`badge badge--${status}`}>{t(`frameworks.library.status.${status}`)}</span>
      <span>
        {status === "draft"
          ? t("frameworks.detail.statusDraft", { number: String(number) })
          : t("frameworks.detail.statusPublished", { number: String(number), date: publishedAt ? formatDate(t.locale, publishedAt) : "—" })}
      </span>
    </p>
  );
}

/** While a draft exists: what changed since the last published version (or since the original framework). */
export function DiffLink({ frameworkId, draftId, against }: { frameworkId: string; draftId: string; against: { versionId: string; number: number; isOrigin: boolean } | null }) {
  const t = useT();
  if (!against) return null;
  return (
    <Link to={`/frameworks/${frameworkId}/diff?from=${against.versionId}&to=${draftId}`}>
      {against.isOrigin ? t("frameworks.detail.diffWithOrigin") : t("frameworks.detail.diffWithPublished", { number: String(against.number) })}
    </Link>
  );
}
