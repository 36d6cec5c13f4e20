import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { formatDate, formatNumber, localized } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import type { AvailableResults } from "../../modules/results/results-types";
import { ChartWithDataTable } from "../charts/chart-with-table";
import { score } from "./labels";

/**
 * A project's computed rates against baseline and target with progress (chart and table),
 * then its reported figures as entered: never mixed with answers.
 */
export function FiguresSection({ project, data }: { project: { id: string; name: string }; data: Pick<AvailableResults, "computed" | "reported" | "campaign"> }) {
  const t = useT();
  const computed = data.computed.filter((c) => c.projectId === project.id);
  const reported = data.reported.filter((r) => r.projectId === project.id && r.value !== null);
  if (computed.length === 0 && reported.length === 0) return null;
  const unit = (u: { fr: string; en: string } | null) => (u ? ` ${localized(t.locale, u)}` : "");
  const points = computed.map((c) => ({ label: localized(t.locale, c.label), value: c.value ?? 0, target: c.target ?? 0 }));
  return (
    <section aria-labelledby={`figures-${project.id}`}>
      <h3 id={`figures-${project.id}`}>{t("results.figuresHeading", { project: project.name })}</h3>
      <p className="muted">{t("results.figuresIntro")}</p>
      {computed.length > 0 ? (
        <ChartWithDataTable
          caption={t("results.figuresCaption", { project: project.name })}
          columns={[t("results.value"), t("results.thisCampaign"), t("results.baseline"), t("results.target"), t("results.progress")]}
          height={60 + points.length * 40}
          rows={computed.map((c) => ({
            key: c.indicatorId,
            label: localized(t.locale, c.label),
            cells: [
              c.value === null ? <span className="masked">{t(`results.computedStatus.${c.status === "ok" ? "missing" : c.status}`)}</span> : `${formatNumber(t.locale, c.value, 1)}${unit(c.unit)}`,
              c.baseline === null ? "—" : `${formatNumber(t.locale, c.baseline, 1)}${unit(c.unit)}`,
              c.target === null ? t("results.noTarget") : `${formatNumber(t.locale, c.target, 1)}${unit(c.unit)}`,
              c.progress === null ? "—" : `${score(t, c.progress)} / 100`,
            ],
          }))}
          chart={
            <BarChart data={points} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" />
              <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 11 }} />
              <Bar dataKey="value" name={t("results.thisCampaign")} fill="#1b4d89" isAnimationActive={false} />
              <Bar dataKey="target" name={t("results.target")} fill="#b35806" isAnimationActive={false} />
            </BarChart>
          }
        />
      ) : null}
      <p className="method">{t("results.figuresMethod", { k: data.campaign.k })}</p>
      {reported.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("results.reportedCaption", { project: project.name })}>
          <table>
            <caption>{t("results.reportedCaption", { project: project.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("results.value")}</th>
                <th scope="col" className="number">
                  {t("results.thisCampaign")}
                </th>
                <th scope="col">{t("results.source")}</th>
              </tr>
            </thead>
            <tbody>
              {reported.map((r) => (
                <tr key={r.indicatorId}>
                  <th scope="row">{localized(t.locale, r.label)}</th>
                  <td className="number">{r.value === null ? t("results.notReported") : `${formatNumber(t.locale, r.value, 2)}${unit(r.unit)}`}</td>
                  <td>
                    {r.sourceNote ? `${r.sourceNote} — ` : ""}
                    {r.enteredBy && r.enteredAt ? t("results.enteredBy", { who: r.enteredBy, when: formatDate(t.locale, r.enteredAt) }) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
