import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "~/db.server";
import { endUserSession } from "~/modules/accounts/session.server";

export const action = ({ request }: ActionFunctionArgs) => endUserSession(db, request);
export const loader = () => redirect("/");
