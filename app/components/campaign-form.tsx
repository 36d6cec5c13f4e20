import { type FieldMetadata, getCollectionProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { localized } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { CheckboxField, CheckboxGroupField, FieldErrors, TextAreaField, TextField } from "./form/fields";

// The campaign form shared by /campaigns/new and /campaigns/:id/edit.

type LocalizedText = { fr: string; en: string };

type FieldName = "title" | "description" | "projectIds" | "groupIds" | "opensOn" | "closesOn" | "isAnonymous" | "k" | "neighbourhoods";

export type FrameworkChoice = { id: string; title: LocalizedText; description: LocalizedText; versionNumber: number; isStarter: boolean };

/** The published framework versions the territory may use, each with a link that picks it. */
export function FrameworkChooser({ frameworks, current }: { frameworks: FrameworkChoice[]; current?: string }) {
  const t = useT();
  return (
    <>
      <h2>{t("campaigns.form.framework")}</h2>
      <ul className="cards">
        {frameworks.map((f) => (
          <li key={f.id} className="card">
            <h3>{localized(t.locale, f.title)}</h3>
            <p className="muted">
              {t("frameworks.campaignChoice.version", { number: String(f.versionNumber) })} — {f.isStarter ? t("frameworks.campaignChoice.starter") : t("frameworks.campaignChoice.own")}
            </p>
            <p>{localized(t.locale, f.description)}</p>
            {f.id === current ? (
              <p>
                <strong>{t("campaigns.edit.currentFramework")}</strong>
              </p>
            ) : null}
            <Link className="button" to={`?framework=${f.id}`}>
              {t("campaigns.form.chooseFramework")}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The campaign's fields. With `choices` (a draft), all of them; without, only what may change
 * once the campaign is open: title, description and dates.
 */
export function CampaignFields({
  fields,
  choices,
}: {
  fields: { [K in FieldName]?: FieldMetadata<unknown> } & { [K in "title" | "description" | "opensOn" | "closesOn"]: FieldMetadata<unknown> };
  choices?: { projects: { id: string; name: string; association: string | null }[]; groups: { id: string; label: LocalizedText }[] };
}) {
  const t = useT();
  const dates = (
    <>
      <TextField field={fields.opensOn} label={`${t("campaigns.form.opensOn")} (${t("common.optional")})`} type="date" />
      <TextField field={fields.closesOn} label={`${t("campaigns.form.closesOn")} (${t("common.optional")})`} type="date" />
    </>
  );
  return (
    <>
      <TextField field={fields.title} label={t("campaigns.form.title")} hint={t("campaigns.form.titleHint")} />
      <TextAreaField field={fields.description} label={t("campaigns.form.description")} hint={t("campaigns.form.descriptionHint")} rows={3} />
      {choices && fields.projectIds && fields.groupIds && fields.isAnonymous && fields.k && fields.neighbourhoods ? (
        <>
          <CheckboxGroupField
            field={fields.projectIds}
            label={t("campaigns.form.projects")}
            options={choices.projects.map((p) => ({ value: p.id, label: p.association ? `${p.name} (${p.association})` : p.name }))}
          />
          <CheckboxGroupField field={fields.groupIds} label={t("campaigns.form.groups")} options={choices.groups.map((g) => ({ value: g.id, label: localized(t.locale, g.label) }))} />
          {dates}
          <CheckboxField field={fields.isAnonymous} label={t("campaigns.form.anonymous")} hint={t("campaigns.form.anonymousHint")} />
          <TextField field={fields.k} label={t("campaigns.form.k")} hint={t("campaigns.form.kHint")} type="number" min={3} max={50} inputMode="numeric" />
          <TextAreaField field={fields.neighbourhoods} label={t("campaigns.form.neighbourhoods")} hint={t("campaigns.form.neighbourhoodsHint")} rows={3} />
        </>
      ) : (
        dates
      )}
    </>
  );
}

type GroupProjectGridProps = { groups: { id: string; label: LocalizedText }[]; projects: { id: string; name: string }[] };

/**
 * Who is asked about which project: one box of checkboxes per stakeholder group (a list, not a
 * wide table, so it fits a 360 px screen). The hidden `shown` inputs say which pairs the grid
 * offered: a pair offered and left unticked is « not asked » (group-projects.ts).
 */
export function GroupProjectGrid({ field, groups, projects }: GroupProjectGridProps & { field: FieldMetadata<unknown> }) {
  const t = useT();
  const keys = groups.flatMap((g) => projects.map((p) => `${g.id}:${p.id}`));
  const props = getCollectionProps(field, { type: "checkbox", options: keys, ariaAttributes: true });
  if (keys.length === 0) return null;
  return (
    <fieldset className="field" aria-describedby={[field.descriptionId, field.errors?.length ? field.errorId : ""].filter(Boolean).join(" ")}>
      <legend>{t("campaigns.form.groupProjects")}</legend>
      <p id={field.descriptionId} className="hint">
        {t("campaigns.form.groupProjectsHint")}
      </p>
      <FieldErrors field={field} />
      {groups.map((group, g) => (
        <fieldset key={group.id} className="group-projects">
          <legend>{localized(t.locale, group.label)}</legend>
          <ul className="choices">
            {projects.map((project, p) => {
              const { key, ...rest } = props[g * projects.length + p]!;
              return (
                <li key={key}>
                  <input {...rest} />
                  <label htmlFor={rest.id}>{project.name}</label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      {keys.map((key) => (
        <input key={key} type="hidden" name="shown" value={key} />
      ))}
    </fieldset>
  );
}
