import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { listUsableFrameworkVersions } from "~/modules/frameworks/frameworks.server";

export const meta: MetaFunction = () => [{ title: "Cadres d'évaluation — Évaluation partagée" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const versions = await listUsableFrameworkVersions(db, member.territoryId);
  return json({
    frameworks: versions.map((v) => ({ id: v.id, title: v.definition.title, description: v.definition.description, version: v.definition.version, dimensions: v.definition.dimensions.length, indicators: v.definition.indicators.length })),
  });
}

export default function Frameworks() {
  const t = useT();
  const { frameworks } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("nav.frameworks")}</h1>
      <ul className="cards">
        {frameworks.map((f) => (
          <li key={f.id} className="card">
            <h2>{localized(t.locale, f.title)}</h2>
            <p className="muted">v{f.version}</p>
            <p>{localized(t.locale, f.description)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
