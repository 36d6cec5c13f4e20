import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { normalizeCode } from "~/lib/ids";
import { useT } from "~/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Rejoindre un atelier — Évaluation partagée" }];

/** The code typed on a phone: the workshop page says whether it exists. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const typed = url.searchParams.get("code") ?? "";
  if (typed && normalizeCode(typed)) throw redirect(`/a/${normalizeCode(typed)}`);
  return { unknown: url.searchParams.has("unknown") };
}

export default function JoinWorkshop() {
  const t = useT();
  const { unknown } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow survey">
      <h1>{t("workshops.join.title")}</h1>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="code">{t("workshops.join.codeLabel")}</label>
          <p className="hint" id="code-hint">
            {t("workshops.join.codeHint")}
          </p>
          {unknown ? (
            <p className="field-error" id="code-error">
              {t("workshops.join.unknownCode")}
            </p>
          ) : null}
          <input id="code" name="code" type="text" autoComplete="off" autoCapitalize="characters" aria-invalid={unknown || undefined} aria-describedby={unknown ? "code-hint code-error" : "code-hint"} />
        </div>
        <div className="actions">
          <button type="submit">{t("workshops.join.submit")}</button>
        </div>
      </Form>
    </section>
  );
}
