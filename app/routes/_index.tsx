import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { listPublishingTerritories } from "~/modules/publication/publication.server";
import { useT } from "~/i18n/use-t";
import { getMember } from "~/modules/accounts/guard.server";
import { metaTranslator } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("titles.home") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getMember(request)) throw redirect("/dashboard");
  return { publishing: await listPublishingTerritories(db) };
}

export default function Home() {
  const t = useT();
  const { publishing } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow">
      <h1>{t("app.tagline")}</h1>
      <h2>{t("survey.resumeTitle")}</h2>
      <Form method="get" action="/s" className="stack">
        <div className="field">
          <label htmlFor="code">{t("home.codeLabel")}</label>
          <p className="hint" id="code-hint">
            {t("home.codeHint")}
          </p>
          <input id="code" name="code" type="text" autoComplete="off" autoCapitalize="characters" aria-describedby="code-hint" />
        </div>
        <div className="actions">
          <button type="submit">{t("survey.resumeSubmit")}</button>
        </div>
      </Form>
      {publishing.length > 0 ? (
        <>
          <h2>{t("review.public.homeTitle")}</h2>
          <ul>
            {publishing.map((p) => (
              <li key={p.slug}>
                <Link to={`/t/${p.slug}/evaluations`}>
                  {t("review.public.homeLink")} — {p.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("home.councilTitle")}</h2>
      <p>{t("home.councilBody")}</p>
      <p>
        <a className="button" href="/login">
          {t("nav.signIn")}
        </a>
      </p>
    </section>
  );
}
