import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { formatNumber, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { NEW_SCALE_TYPES } from "~/modules/frameworks/editor-forms";
import { isEditableScale } from "~/modules/frameworks/form-values";
import { scaleInWords } from "~/modules/frameworks/scale-words";
import { scaleName } from "~/components/frameworks/scale-name";
import type { Framework } from "../../../evaluation-frameworks/schema";
import type { EditorReply } from "./route";

/** Where a save comes back to: the edited item's row (or the presentation's heading). */
export function itemAnchor(kind: string, id: string | undefined): string {
  return kind === "metadata" || !id ? "metadata" : `${kind}-${id}`;
}

type RemoveIntent = "removeDimension" | "removeIndicator" | "removeGroup" | "removeSource" | "removeScale";

function EditLink({ to, label }: { to: string; label: string }) {
  const t = useT();
  return (
    <Link to={to}>
      {t("frameworks.editor.edit")}
      <span className="visually-hidden"> {t("typography.quoted", { text: label })}</span>
    </Link>
  );
}

function RemoveButton({ intent, id, label }: { intent: RemoveIntent; id: string; label: string }) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link-button">
        {t("frameworks.editor.remove")}
        <span className="visually-hidden"> {t("typography.quoted", { text: label })}</span>
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

/** What an item of the draft offers: an edit link (unless it cannot be edited) and a remove button. */
type ItemActions = { edit?: string; remove: RemoveIntent; label: string };

function ItemActionLinks({ id, actions }: { id: string; actions: ItemActions }) {
  return (
    <>
      {actions.edit !== undefined ? <EditLink to={actions.edit} label={actions.label} /> : null}
      <RemoveButton intent={actions.remove} id={id} label={actions.label} />
    </>
  );
}

/** A column of an item table; `isLabelled` repeats the header on the cell for the phone layout. */
type ItemColumn<T> = { header: string; isNumber?: boolean; isLabelled?: boolean; cell: (item: T) => ReactNode };

/** One table of the draft's items, a row an item, its actions in the last column. */
function ItemTable<T extends { id: string }>({ kind, caption, columns, items, actions }: { kind: string; caption?: string; columns: ItemColumn<T>[]; items: readonly T[]; actions: (item: T) => ItemActions }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="item-table">
        {caption !== undefined ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.isNumber ? "number" : undefined}>
                {c.header}
              </th>
            ))}
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} id={itemAnchor(kind, item.id)}>
              {columns.map((c) => (
                <td key={c.header} className={c.isNumber ? "number" : undefined} data-label={c.isLabelled ? c.header : undefined}>
                  {c.cell(item)}
                </td>
              ))}
              <td>
                <span className="actions">
                  <ItemActionLinks id={item.id} actions={actions(item)} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One bulleted list of the draft's items: the item's text — edit · remove. `text` ends with
 * its « — », written in the same JSX text as what it follows, so the HTML keeps one text node.
 */
function ItemList<T extends { id: string }>({ kind, items, text, actions }: { kind: string; items: readonly T[]; text: (item: T) => ReactNode; actions: (item: T) => ItemActions & { edit: string } }) {
  return (
    <ul>
      {items.map((item) => {
        const a = actions(item);
        return (
          <li key={item.id} id={itemAnchor(kind, item.id)}>
            {text(item)}<EditLink to={a.edit} label={a.label} /> · <RemoveButton intent={a.remove} id={item.id} label={a.label} />
          </li>
        );
      })}
    </ul>
  );
}

/** The link that adds an item of a kind, under its list. */
function AddLink({ to, text }: { to: string; text: string }) {
  return (
    <p>
      <Link to={to}>{text}</Link>
    </p>
  );
}

/** The draft's items, each with its edit link; the page every save comes back to. */
export function ItemLists({ frameworkId, definition, reply }: { frameworkId: string; definition: Framework; reply?: EditorReply }) {
  const t = useT();
  const l = (text: { fr: string; en: string }) => localized(t.locale, text);
  const base = `/frameworks/${frameworkId}/edit`;
  const errors = reply ? [...(reply.result.error?.[""] ?? []), ...Object.entries(reply.result.error ?? {}).filter(([k]) => k !== "").flatMap(([, v]) => v ?? [])] : [];
  const indicatorCount = t("frameworks.editor.indicators");
  return (
    <>
      {errors.length > 0 ? <RefusalSummary text={errors.map((e) => t.dynamic(e)).join(" ")} /> : null}

      <h2 id="metadata">{t("frameworks.editor.metadata")}</h2>
      <p>
        <strong>{l(definition.title)}</strong> — {l(definition.description)}
      </p>
      <AddLink to={`${base}?edit=metadata`} text={t("frameworks.editor.editMetadata")} />

      <h2>{t("frameworks.editor.dimensions")}</h2>
      <ItemTable
        kind="dimension"
        items={definition.dimensions}
        columns={[
          { header: t("frameworks.editor.fields.dimension"), cell: (d) => l(d.label) },
          { header: t("frameworks.editor.fields.weight"), isNumber: true, isLabelled: true, cell: (d) => formatNumber(t.locale, d.weight, 2) },
          { header: indicatorCount, isNumber: true, isLabelled: true, cell: (d) => definition.indicators.filter((i) => i.dimension === d.id).length },
        ]}
        actions={(d) => ({ edit: `${base}?edit=dimension&id=${d.id}`, remove: "removeDimension", label: l(d.label) })}
      />
      <AddLink to={`${base}?edit=dimension`} text={t("frameworks.editor.addDimension")} />

      <h2>{t("frameworks.editor.indicators")}</h2>
      {definition.dimensions.map((d) => {
        const indicators = definition.indicators.filter((i) => i.dimension === d.id);
        if (indicators.length === 0) return null;
        return (
          <ItemTable
            kind="indicator"
            key={d.id}
            caption={l(d.label)}
            items={indicators}
            columns={[
              { header: t("frameworks.editor.fields.labelFr"), cell: (i) => l(i.label) },
              { header: t("frameworks.detail.question"), cell: (i) => l(i.question) },
            ]}
            actions={(i) => ({ edit: `${base}?edit=indicator&id=${i.id}`, remove: "removeIndicator", label: l(i.label) })}
          />
        );
      })}
      <AddLink to={`${base}?edit=indicator`} text={t("frameworks.editor.addIndicator")} />

      <h2>{t("frameworks.editor.groups")}</h2>
      <ItemList kind="group" items={definition.stakeholderGroups} text={(g) => <>{l(g.label)} — </>} actions={(g) => ({ edit: `${base}?edit=group&id=${g.id}`, remove: "removeGroup", label: l(g.label) })} />
      <AddLink to={`${base}?edit=group`} text={t("frameworks.editor.addGroup")} />

      <h2>{t("frameworks.editor.sources")}</h2>
      <p className="muted">{t("frameworks.editor.sourcesHint")}</p>
      <ItemList
        kind="source"
        items={definition.sources}
        text={(s) => <>{s.title} ({s.publisher}, {s.year}) — </>}
        actions={(s) => ({ edit: `${base}?edit=source&id=${s.id}`, remove: "removeSource", label: s.title })}
      />
      <AddLink to={`${base}?edit=source`} text={t("frameworks.editor.addSource")} />

      <h2>{t("frameworks.editor.scales")}</h2>
      <ItemTable
        kind="scale"
        items={definition.scales}
        columns={[
          {
            header: t("frameworks.editor.fields.scale"),
            cell: (s) => {
              const words = scaleInWords(s, t.locale);
              return (
                <>
                  <strong>{t(`frameworks.scales.types.${s.type}`)}</strong>
                  <br />
                  {t.dynamic(words.key, words.params)}
                </>
              );
            },
          },
          { header: indicatorCount, isNumber: true, isLabelled: true, cell: (s) => definition.indicators.filter((i) => i.scale === s.id).length },
        ]}
        actions={(s) => ({ edit: isEditableScale(s) ? `${base}?edit=scale&id=${s.id}` : undefined, remove: "removeScale", label: scaleName(t, s) })}
      />
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
