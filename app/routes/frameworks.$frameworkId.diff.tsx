import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { diffFrameworkVersions, isEmptyDiff } from "~/modules/frameworks/diff";
import { getComparableVersions } from "~/modules/frameworks/frameworks.server";
import { Breadcrumbs } from "~/components/frameworks/framework-header";
import { formulaInWords, isFormula } from "~/modules/frameworks/formula-words";
import { routeParam } from "~/lib/route-params";

export const meta: MetaFunction = () => [{ title: "Comparer des versions — Évaluation partagée" }];

const search = z.object({ from: z.string().max(100).optional().catch(undefined), to: z.string().max(100).optional().catch(undefined) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const { framework, versions } = await getComparableVersions(db, member.territoryId, routeParam(params, "frameworkId"));
  const asked = search.parse(Object.fromEntries(new URL(request.url).searchParams));
  // By default: the newest version against the one before it, or against the version it was forked from.
  const to = versions.find((v) => v.id === asked.to) ?? versions[0];
  if (!to) throw new Response("Not found", { status: 404 });
  const from = versions.find((v) => v.id === asked.from) ?? versions.find((v) => v.id !== to.id && !v.isOrigin && v.number < to.number) ?? versions.find((v) => v.isOrigin && v.id === framework.forkedFrom?.versionId) ?? to;
  const diff = diffFrameworkVersions(from.definition, to.definition);
  return {
    frameworkId: framework.id,
    title: to.definition.title,
    options: versions.map((v) => ({ id: v.id, number: v.number, status: v.status, title: v.title, isOrigin: v.isOrigin })),
    fromId: from.id,
    toId: to.id,
    diff,
    isEmpty: isEmptyDiff(diff),
    dimensionLabels: Object.fromEntries([...from.definition.dimensions, ...to.definition.dimensions].map((d) => [d.id, d.label])),
  };
}

function show(value: unknown, labels: Record<string, { fr: string; en: string }>, locale: "fr" | "en"): string {
  if (value === undefined) return "—";
  if (typeof value === "string" && labels[value]) return localized(locale, labels[value]);
  if (Array.isArray(value)) return value.join(", ");
  if (isFormula(value)) return formulaInWords(value, (id) => id);
  return String(value);
}

/** One kind of change, as a titled list; nothing when there is none of that kind. */
function DiffList<T extends { id: string }>({ id, testId, title, items, item }: { id: string; testId?: string; title: string; items: readonly T[]; item: (x: T) => ReactNode }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <ul>
        {items.map((x) => (
          <li key={x.id}>{item(x)}</li>
        ))}
      </ul>
    </section>
  );
}

export default function FrameworkDiff() {
  const t = useT();
  const { frameworkId, title, options, fromId, toId, diff, isEmpty, dimensionLabels } = useLoaderData<typeof loader>();
  const l = (text: { fr: string; en: string } | undefined) => (text ? localized(t.locale, text) : "—");
  const optionLabel = (o: (typeof options)[number]) =>
    `${t("frameworks.diff.versionOption", { title: l(o.title), number: String(o.number), status: t(`frameworks.library.status.${o.status}`) })}${o.isOrigin ? ` — ${t("frameworks.diff.origin")}` : ""}`;
  return (
    <section className="page">
      <Breadcrumbs
        crumbs={[
          { label: t("frameworks.library.title"), to: "/frameworks" },
          { label: l(title), to: `/frameworks/${frameworkId}` },
          { label: t("frameworks.diff.crumb") },
        ]}
      />
      <h1>{t("frameworks.diff.title", { title: l(title) })}</h1>
      <p className="muted">{t("frameworks.diff.intro")}</p>
      <Form method="get" className="stack">
        {(
          [
            ["from", fromId],
            ["to", toId],
          ] as const
        ).map(([side, versionId]) => (
          <div key={side} className="field">
            <label htmlFor={`diff-${side}`}>{t(`frameworks.diff.${side}`)}</label>
            <select id={`diff-${side}`} name={side} defaultValue={versionId}>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {optionLabel(o)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="actions">
          <button type="submit">{t("frameworks.diff.compare")}</button>
        </div>
      </Form>

      {isEmpty ? <p data-testid="diff-empty">{t("frameworks.diff.none")}</p> : null}

      {diff.indicatorsReworded.length > 0 ? (
        <section aria-labelledby="diff-reworded" data-testid="diff-reworded">
          <h2 id="diff-reworded">{t("frameworks.diff.indicatorsReworded")}</h2>
          {diff.indicatorsReworded.map((r) => (
            <div key={r.id} className="table-scroll">
              <table>
                <caption>{l(r.label)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("frameworks.diff.field")}</th>
                    <th scope="col">{t("frameworks.diff.before")}</th>
                    <th scope="col">{t("frameworks.diff.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.rewordings.map((w) => (
                    <tr key={w.field}>
                      <th scope="row">{t(`frameworks.diff.fieldNames.${w.field}`)}</th>
                      <td>
                        <del>{l(w.before)}</del>
                      </td>
                      <td>
                        <ins>{l(w.after)}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ) : null}

      {(
        [
          ["indicatorsAdded", diff.indicatorsAdded],
          ["indicatorsRemoved", diff.indicatorsRemoved],
        ] as const
      ).map(([key, list]) => (
        <DiffList
          key={key}
          id={`diff-${key}`}
          testId={`diff-${key}`}
          title={t(`frameworks.diff.${key}`)}
          items={list}
          item={(i) => (
            <>
              <strong>{l(i.label)}</strong> — {l(i.question)}
            </>
          )}
        />
      ))}

      <DiffList
        id="diff-changed"
        testId="diff-changed"
        title={t("frameworks.diff.indicatorsChanged")}
        items={diff.indicatorsChanged}
        item={(c) => (
          <>
            <strong>{l(c.label)}</strong> —{" "}
            {c.changes.map((change) => `${t(`frameworks.diff.fieldNames.${change.field}`)}${t("typography.colon")}${show(change.before, dimensionLabels, t.locale)} → ${show(change.after, dimensionLabels, t.locale)}`).join(t("typography.semicolon"))}
          </>
        )}
      />

      {(
        [
          ["dimensionsAdded", diff.dimensionsAdded],
          ["dimensionsRemoved", diff.dimensionsRemoved],
        ] as const
      ).map(([key, list]) => (
        <DiffList key={key} id={`diff-${key}`} title={t(`frameworks.diff.${key}`)} items={list} item={(d) => l(d.label)} />
      ))}

      <DiffList
        id="diff-dimensions-changed"
        title={t("frameworks.diff.dimensionsChanged")}
        items={diff.dimensionsChanged}
        item={(d) => (
          <>
            {l(d.label)} — {d.fields.map((f) => t(`frameworks.diff.fieldNames.${f}`)).join(", ")}
          </>
        )}
      />
    </section>
  );
}
