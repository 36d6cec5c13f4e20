import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { describeUnsubscribe, recordUnsubscribe } from "~/modules/invitations/unsubscribe.server";
import { titleMeta } from "~/i18n/meta";

// No account, no JavaScript: GET shows what will happen and a button, POST records it.

export const meta: MetaFunction = ({ matches }) => [...titleMeta(matches, (t) => t("titles.unsubscribe")), { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await describeUnsubscribe(db, params.token ?? "");
  return data({ found }, { status: found ? 200 : 404 });
}

export async function action({ params }: ActionFunctionArgs) {
  const done = await recordUnsubscribe(db, params.token ?? "");
  return data({ done }, { status: done ? 200 : 404 });
}

export default function Unsubscribe() {
  const t = useT();
  const { found } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="page narrow">
      <h1>{t("invitations.unsubscribe.title")}</h1>
      {actionData?.done ? (
        <p className="flash" role="status">
          {t("invitations.unsubscribe.done", { territory: actionData.done.territoryName })}
        </p>
      ) : found && !actionData ? (
        <>
          <p>{t("invitations.unsubscribe.body", { territory: found.territoryName, email: found.maskedEmail })}</p>
          <Form method="post">
            <button type="submit">{t("invitations.unsubscribe.confirm")}</button>
          </Form>
        </>
      ) : (
        <p>{t("invitations.unsubscribe.invalid")}</p>
      )}
    </section>
  );
}
