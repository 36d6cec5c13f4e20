import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { getMember } from "~/modules/accounts/guard.server";

export const meta: MetaFunction = () => [{ title: "Évaluation partagée — évaluer ensemble l'impact social et territorial" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getMember(request)) throw redirect("/dashboard");
  return null;
}

export default function Home() {
  const t = useT();
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
