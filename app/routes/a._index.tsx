import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CodeEntryForm } from "~/components/code-entry-form";
import { normalizeCode } from "~/lib/ids";
import { titleMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import type { ScriptsHandle } from "~/lib/page-scripts";

export const handle: ScriptsHandle = { scripts: "offline-forms" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("workshops.join.title"));

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
  return <CodeEntryForm title={t("workshops.join.title")} label={t("workshops.join.codeLabel")} hint={t("workshops.join.codeHint")} unknownMessage={unknown ? t("workshops.join.unknownCode") : null} submitLabel={t("workshops.join.submit")} autoCapitalize="characters" />;
}
