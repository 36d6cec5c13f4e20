import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { resolveCode } from "~/modules/surveys/survey.server";
import type { ScriptsHandle } from "~/lib/page-scripts";
import { metaTranslator } from "~/i18n/meta";

// No React runtime on resident pages: plain forms, and the offline-safe form script (lib/page-scripts.ts).
export const handle: ScriptsHandle = { scripts: "offline-forms" };

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("survey.resumeTitle")} — ${t("app.name")}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code") ?? "";
  if (!typed) return { typed, unknown: false };
  const found = await resolveCode(db, typed);
  if (found) throw redirect(found.kind === "invitation" ? `/s/${found.code}` : `/r/${found.code}`);
  return data({ typed, unknown: true }, { status: 404 });
}

export default function EnterCode() {
  const t = useT();
  const { typed, unknown } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow survey">
      <h1>{t("survey.resumeTitle")}</h1>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="code">{t("home.codeLabel")}</label>
          <p className="hint" id="code-hint">
            {t("home.codeHint")}
          </p>
          {unknown ? (
            <p className="field-error" id="code-error">
              {t("home.unknownCode")}
            </p>
          ) : null}
          <input id="code" name="code" type="text" defaultValue={typed} autoComplete="off" aria-invalid={unknown || undefined} aria-describedby={unknown ? "code-hint code-error" : "code-hint"} />
        </div>
        <div className="actions">
          <button type="submit">{t("survey.resumeSubmit")}</button>
        </div>
      </Form>
    </section>
  );
}
