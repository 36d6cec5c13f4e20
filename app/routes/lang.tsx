import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { localeCookie } from "~/i18n/locale.server";
import { safeRedirect } from "~/modules/accounts/forms";
import { readFormData } from "~/lib/http/form-data.server";

const schema = z.object({ lang: z.enum(["fr", "en"]).catch("fr"), redirectTo: z.string().optional().catch(undefined) });

export async function action({ request }: ActionFunctionArgs) {
  const { lang, redirectTo } = schema.parse(Object.fromEntries(await readFormData(request)));
  return redirect(safeRedirect(redirectTo, "/"), { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}

export const loader = () => redirect("/");
