import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { formatNumber, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { NEW_SCALE_TYPES } from "~/modules/frameworks/editor-forms";
import { isEditableScale } from "~/modules/frameworks/form-values";
import { scaleInWords } from "~/modules/frameworks/scale-words";
import type { Framework } from "../../../evaluation-frameworks/schema";
import type { EditorReply } from "./route";

function EditLink({ to, label }: { to: string; label: string }) {
  const t = useT();
  return (
    <Link to={to}>
      {t("frameworks.editor.edit")}
      <span className="visually-hidden"> « {label} »</span>
    </Link>
  );
}

function RemoveButton({ intent, id, label }: { intent: "removeDimension" | "removeIndicator" | "removeGroup" | "removeSource" | "removeScale"; id: string; label: string }) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link-button">
        {t("frameworks.editor.remove")}
        <span className="visually-hidden"> « {label} »</span>
      </button>
    </Form>
  );
}

/**
 * A refused removal, above the lists. Without JavaScript the page reloads at its top; with it,
 * the page stays where the button was, so the message takes the focus and scrolls into view.
 */
function RefusalSummary({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      {text}
    </div>
  );
}

/** The draft's items, each with its edit link; the page every save comes back to. */
export function ItemLists({ frameworkId, definition, reply }: { frameworkId: string; definition: Framework; reply?: EditorReply }) {
  const t = useT();
  const l = (text: { fr: string; en: string }) => localized(t.locale, text);
  const base = `/frameworks/${frameworkId}/edit`;
  const errors = reply ? [...(reply.result.error?.[""] ?? []), ...Object.entries(reply.result.error ?? {}).filter(([k]) => k !== "").flatMap(([, v]) => v ?? [])] : [];
  return (
    <>
      {errors.length > 0 ? <RefusalSummary text={errors.map((e) => t.dynamic(e)).join(" ")} /> : null}

      <h2>{t("frameworks.editor.metadata")}</h2>
      <p>
        <strong>{l(definition.title)}</strong> — {l(definition.description)}
      </p>
      <p>
        <Link to={`${base}?edit=metadata`}>{t("frameworks.editor.editMetadata")}</Link>
      </p>

      <h2>{t("frameworks.editor.dimensions")}</h2>
      <div className="table-scroll">
        <table className="item-table">
          <thead>
            <tr>
              <th scope="col">{t("frameworks.editor.fields.dimension")}</th>
              <th scope="col" className="number">
                {t("frameworks.editor.fields.weight")}
              </th>
              <th scope="col" className="number">
                {t("frameworks.editor.indicators")}
              </th>
              <th scope="col">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {definition.dimensions.map((d) => (
              <tr key={d.id}>
                <td>{l(d.label)}</td>
                <td className="number" data-label={t("frameworks.editor.fields.weight")}>{formatNumber(t.locale, d.weight, 2)}</td>
                <td className="number" data-label={t("frameworks.editor.indicators")}>{definition.indicators.filter((i) => i.dimension === d.id).length}</td>
                <td>
                  <span className="actions">
                    <EditLink to={`${base}?edit=dimension&id=${d.id}`} label={l(d.label)} />
                    <RemoveButton intent="removeDimension" id={d.id} label={l(d.label)} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={`${base}?edit=dimension`}>{t("frameworks.editor.addDimension")}</Link>
      </p>

      <h2>{t("frameworks.editor.indicators")}</h2>
      {definition.dimensions.map((d) => {
        const indicators = definition.indicators.filter((i) => i.dimension === d.id);
        if (indicators.length === 0) return null;
        return (
          <div key={d.id} className="table-scroll">
            <table className="item-table">
              <caption>{l(d.label)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("frameworks.editor.fields.labelFr")}</th>
                  <th scope="col">{t("frameworks.detail.question")}</th>
                  <th scope="col">{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((i) => (
                  <tr key={i.id}>
                    <td>{l(i.label)}</td>
                    <td>{l(i.question)}</td>
                    <td>
                      <span className="actions">
                        <EditLink to={`${base}?edit=indicator&id=${i.id}`} label={l(i.label)} />
                        <RemoveButton intent="removeIndicator" id={i.id} label={l(i.label)} />
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <p>
        <Link to={`${base}?edit=indicator`}>{t("frameworks.editor.addIndicator")}</Link>
      </p>

      <h2>{t("frameworks.editor.groups")}</h2>
      <ul>
        {definition.stakeholderGroups.map((g) => (
          <li key={g.id}>
            {l(g.label)} — <EditLink to={`${base}?edit=group&id=${g.id}`} label={l(g.label)} /> · <RemoveButton intent="removeGroup" id={g.id} label={l(g.label)} />
          </li>
        ))}
      </ul>
      <p>
        <Link to={`${base}?edit=group`}>{t("frameworks.editor.addGroup")}</Link>
      </p>

      <h2>{t("frameworks.editor.sources")}</h2>
      <p className="muted">{t("frameworks.editor.sourcesHint")}</p>
      <ul>
        {definition.sources.map((s) => (
          <li key={s.id}>
            {s.title} ({s.publisher}, {s.year}) — <EditLink to={`${base}?edit=source&id=${s.id}`} label={s.title} /> · <RemoveButton intent="removeSource" id={s.id} label={s.title} />
          </li>
        ))}
      </ul>
      <p>
        <Link to={`${base}?edit=source`}>{t("frameworks.editor.addSource")}</Link>
      </p>

      <h2>{t("frameworks.editor.scales")}</h2>
      <div className="table-scroll">
        <table className="item-table">
          <thead>
            <tr>
              <th scope="col">{t("frameworks.editor.fields.scale")}</th>
              <th scope="col">{t("frameworks.editor.scaleId")}</th>
              <th scope="col" className="number">
                {t("frameworks.editor.indicators")}
              </th>
              <th scope="col">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {definition.scales.map((s) => {
              const words = scaleInWords(s, t.locale);
              return (
                <tr key={s.id}>
                  <td>
                    <strong>{t(`frameworks.scales.types.${s.type}`)}</strong>
                    <br />
                    {t.dynamic(words.key, words.params)}
                  </td>
                  <td data-label={t("frameworks.editor.scaleId")}>{s.id}</td>
                  <td className="number" data-label={t("frameworks.editor.indicators")}>{definition.indicators.filter((i) => i.scale === s.id).length}</td>
                  <td>
                    <span className="actions">
                      {isEditableScale(s) ? <EditLink to={`${base}?edit=scale&id=${s.id}`} label={s.id} /> : null}
                      <RemoveButton intent="removeScale" id={s.id} label={s.id} />
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value="newScale" />
        <label htmlFor="new-scale-type">{t("frameworks.editor.scaleType")}</label>
        <select id="new-scale-type" name="type" className="select--inline">
          {NEW_SCALE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`frameworks.scales.types.${type}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button--secondary">
          {t("frameworks.editor.addScaleSubmit")}
        </button>
      </Form>
    </>
  );
}
