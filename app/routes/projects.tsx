import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { projectFormSchema } from "~/modules/projects/forms";
import { createProject, listAssociations, listProjects } from "~/modules/projects/projects.server";
import { readFormData } from "~/lib/http/form-data.server";

export const meta: MetaFunction = () => [{ title: "Projets et associations — Évaluation partagée" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const [associations, projects] = await Promise.all([listAssociations(db, member.territoryId), listProjects(db, member.territoryId)]);
  return { associations, projects, canEdit: COUNCIL_EDITORS.includes(member.role) };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const submission = parseWithZod(await readFormData(request), { schema: projectFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await createProject(db, member.territoryId, { ...submission.value, associationId: submission.value.associationId || null });
  return redirect("/projects", { headers: await flash(request, { key: "projects.created" }) });
}

export default function Projects() {
  const t = useT();
  const { associations, projects, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldValidate: "onBlur", onValidate: ({ formData }) => parseWithZod(formData, { schema: projectFormSchema }) });
  return (
    <section className="page">
      <h1>{t("projects.title")}</h1>
      <p className="muted">{t("projects.intro")}</p>
      <h2>{t("projects.projects")}</h2>
      <ul className="cards">
        {projects.map((p) => (
          <li key={p.id} className="card">
            <h3 lang="fr">{p.name}</h3>
            {p.associationName ? (
              <p className="muted">
                {t("projects.carriedBy")} {p.associationName}
              </p>
            ) : null}
            <p>{p.description}</p>
          </li>
        ))}
      </ul>
      <h2>{t("projects.associations")}</h2>
      <ul className="cards">
        {associations.map((a) => (
          <li key={a.id} className="card">
            <h3>{a.name}</h3>
            <p className="muted">{t(`projects.kinds.${a.kind}`)}</p>
            <p>{a.description}</p>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <>
          <h2>{t("projects.newProject")}</h2>
          <Form method="post" className="stack" {...getFormProps(form)}>
            <TextField field={fields.name} label={t("projects.name")} />
            <TextAreaField field={fields.description} label={`${t("projects.description")} (${t("common.optional")})`} rows={3} />
            <SelectField
              field={fields.associationId}
              label={`${t("projects.carriedBy")} (${t("common.optional")})`}
              options={[{ value: "", label: t("members.noAssociation") }, ...associations.map((a) => ({ value: a.id, label: a.name }))]}
            />
            <div className="actions">
              <button type="submit">{t("projects.newProject")}</button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}
