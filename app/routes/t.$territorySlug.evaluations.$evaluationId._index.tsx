import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FindingSection } from "~/components/evaluation/finding-section";
import { DimensionRadar } from "~/components/evaluation/dimension-radar";
import { db } from "~/db.server";
import { formatDate, formatNumber, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { OPEN_DATA_FILES } from "~/modules/publication/files";
import { getPublicEvaluation } from "~/modules/publication/publication.server";
import { DIVERGENCE_POINTS } from "~/modules/review/figures";
import { findingTexts } from "~/modules/review/finding-text";
import { PrintButton } from "~/components/evaluation/print-button";
import evaluationStyles from "~/styles/evaluation.css";
import { FrenchText } from "~/components/french-text";
import { ScrollTable } from "~/components/scroll-table";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.title ?? ""} — ${data?.territory.name ?? ""}` }];

/** Public, without sign-in: the frozen snapshot of one published evaluation (already masked). */
export async function loader({ params }: LoaderFunctionArgs) {
  return getPublicEvaluation(db, params.territorySlug ?? "", params.evaluationId ?? "");
}

export default function PublicEvaluation() {
  const t = useT();
  const e = useLoaderData<typeof loader>();
  const groups = new Map(e.groups.map((g) => [g.id, localized(t.locale, g.label)]));
  const groupLabel = (id: string) => groups.get(id) ?? id;
  const dimensions = new Map(e.dimensions.map((d) => [d.id, localized(t.locale, d.label)]));
  const day = (iso: string) => formatDate(t.locale, iso);
  const base = `/t/${e.territory.slug}/evaluations/${e.evaluationId}`;
  const textOf = findingTexts(t, e);
  const findings = e.findings.map((f) => ({ ...f, ...textOf(f) }));
  const divergent = findings.filter((f) => f.figures.divergence);
  return (
    <article className="page evaluation-report">
      <p className="no-print">
        <Link to={`/t/${e.territory.slug}/evaluations`}>← {t("review.public.back")}</Link>
      </p>
      <h1>
        <FrenchText>{e.campaign.title}</FrenchText>
      </h1>
      <p className="muted">
        {e.territory.name} — {t("review.public.publishedOn", { date: day(e.dates.publishedAt) })}
      </p>
      <PrintButton />
      {e.summary ? (
        <>
          <h2>{t("review.summary")}</h2>
          <p>{e.summary}</p>
        </>
      ) : null}

      <h2>{t("review.public.projects")}</h2>
      <div className="radars">
        {e.projects.map((p) => (
          <DimensionRadar
            key={p.id}
            k={e.campaign.k}
            caption={t("review.public.radar", { project: p.name })}
            rows={e.findings.filter((f) => f.projectId === p.id).map((f) => ({ dimensionId: f.dimensionId, label: dimensions.get(f.dimensionId) ?? f.dimensionId, score: f.figures.score }))}
          />
        ))}
      </div>

      <h2>{t("review.findings")}</h2>
      <p>{t("review.public.findingsIntro")}</p>
      {findings.map((f) => (
        <FindingSection key={f.id} finding={f} text={f} k={e.campaign.k} groupLabel={groupLabel} formatDay={day} />
      ))}

      <h2>{t("review.public.divergences")}</h2>
      {divergent.length === 0 ? (
        <p>{t("review.public.noDivergence", { points: DIVERGENCE_POINTS })}</p>
      ) : (
        <ul>
          {divergent.map((f) =>
            f.figures.divergence ? (
              <li key={f.id}>
                {f.title}{t("typography.colon")}{t("review.divergence", { high: groupLabel(f.figures.divergence.highGroupId), low: groupLabel(f.figures.divergence.lowGroupId), gap: formatNumber(t.locale, f.figures.divergence.gap, 0) })}
              </li>
            ) : null,
          )}
        </ul>
      )}

      {e.carriedCommitments.length > 0 ? (
        <>
          <h2>{t("review.carried")}</h2>
          <ScrollTable label={t("review.carried")}>
            <thead>
              <tr>
                <th scope="col">{t("review.promised")}</th>
                <th scope="col">{t("review.done")}</th>
              </tr>
            </thead>
            <tbody>
              {e.carriedCommitments.map((c, index) => (
                <tr key={index}>
                  <td>{t("review.commitmentLine", { what: c.what, who: c.who })}</td>
                  <td>{c.outcome ?? t("review.notReported")}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      ) : null}

      <h2>{t("review.public.method")}</h2>
      <p>{t("review.public.framework", { title: localized(t.locale, e.framework.title), version: e.framework.versionNumber === undefined ? e.framework.version : String(e.framework.versionNumber) })}</p>
      {e.framework.scoring ? <p>{localized(t.locale, e.framework.scoring)}</p> : null}
      <h3>{t("review.public.sources")}</h3>
      <ul>
        {e.framework.sources.map((s) => (
          <li key={`${s.title}-${s.year}`}>
            {s.title}, {s.publisher}, {s.year}
          </li>
        ))}
      </ul>
      <h3>{t("review.public.participation")}</h3>
      <ScrollTable label={t("review.public.participation")}>
        <thead>
          <tr>
            <th scope="col">{t("review.group")}</th>
            <th scope="col">{t("review.public.source")}</th>
            <th scope="col" className="number">{t("review.public.invited")}</th>
            <th scope="col" className="number">{t("review.responses")}</th>
          </tr>
        </thead>
        <tbody>
          {e.participation.map((p) => (
            <tr key={`${p.groupId}-${p.source}`}>
              <th scope="row">{groupLabel(p.groupId)}</th>
              <td>{t.dynamic(`review.public.sourceNames.${p.source}`)}</td>
              <td className="number">{formatNumber(t.locale, p.invited)}</td>
              <td className="number">{formatNumber(t.locale, p.responses)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <h3>{t("review.public.dates")}</h3>
      <ul>
        {e.campaign.opensOn && e.campaign.closesOn ? <li>{t("review.public.period", { from: day(e.campaign.opensOn), to: day(e.campaign.closesOn) })}</li> : null}
        {e.dates.reviewOpenedAt && e.dates.reviewClosedAt ? <li>{t("review.public.reviewDates", { opened: day(e.dates.reviewOpenedAt), closed: day(e.dates.reviewClosedAt) })}</li> : null}
        <li>{t("review.public.publishedDate", { date: day(e.dates.publishedAt) })}</li>
      </ul>
      <h3>{t("review.public.computation")}</h3>
      <p>{t("review.public.computationText")}</p>
      {e.framework.limits ? <p>{localized(t.locale, e.framework.limits)}</p> : null}
      <h3>{t("review.public.masking")}</h3>
      <p>{t("review.public.maskingText", { k: e.campaign.k })}</p>
      <p>{e.campaign.isAnonymous ? t("review.public.anonymous") : t("review.public.named")}</p>

      <h2>{t("review.public.openData")}</h2>
      <p>{t("review.public.openDataIntro")}</p>
      <ul className="downloads">
        {OPEN_DATA_FILES.map((file) => (
          <li key={file}>
            <a href={`${base}/data/${file}`} download={file.endsWith(".csv") ? file : undefined}>
              {file}
            </a>
          </li>
        ))}
      </ul>
    </article>
  );
}
