import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { formatDate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { getPublicIndex } from "~/modules/publication/publication.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, () => data?.territory.name ?? "");

/** Public, without sign-in: a territory's published evaluations. */
export async function loader({ params }: LoaderFunctionArgs) {
  return getPublicIndex(db, params.territorySlug ?? "");
}

export default function PublicEvaluations() {
  const t = useT();
  const { territory, evaluations } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("review.public.indexTitle", { territory: territory.name })}</h1>
      <p>{t("review.public.indexIntro")}</p>
      {evaluations.length === 0 ? <p className="muted">{t("review.public.none")}</p> : null}
      <ul>
        {evaluations.map((e) => (
          <li key={e.id}>
            <Link to={`/t/${territory.slug}/evaluations/${e.id}`}>{e.title}</Link> — {t("review.public.publishedOn", { date: formatDate(t.locale, e.publishedAt) })}
            <br />
            <span className="muted">{e.projects.join(" · ")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
