import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { localeCookie } from "~/i18n/locale.server";
import { safeRedirect } from "~/modules/accounts/forms";

const schema = z.object({ lang: z.enum(["fr", "en"]).catch("fr"), redirectTo: z.string().optional() });

export async function action({ request }: ActionFunctionArgs) {
  const { lang, redirectTo } = schema.parse(Object.fromEntries(await request.formData()));
  return redirect(safeRedirect(redirectTo, "/"), { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}

export const loader = () => redirect("/");
