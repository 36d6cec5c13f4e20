import { Form, Link } from "@remix-run/react";
import { formatDate, localized } from "../../i18n/i18n";
import { DataTable } from "../data-table";
import { useT } from "../../i18n/use-t";
import type { PersonalStatus } from "../../modules/invitations/status";

// The invitations page's lists, by kind: open links, personal invitations, printed batches.

type Group = { id: string; label: { fr: string; en: string } };
type OpenLink = { id: string; code: string; groupId: string; neighbourhood: string | null; cap: number | null; responses: number; url: string };
type CapError = { form: string; invitationId?: string; typed?: string; error?: string } | undefined;

function useGroupLabel(groups: Group[]) {
  const t = useT();
  const labels = new Map(groups.map((g) => [g.id, g.label]));
  return (id: string) => localized(t.locale, labels.get(id) ?? { fr: id, en: id });
}

export function OpenLinksTable({ campaignId, groups, links, canEdit, actionData }: { campaignId: string; groups: Group[]; links: OpenLink[]; canEdit: boolean; actionData: CapError }) {
  const t = useT();
  const groupLabel = useGroupLabel(groups);
  if (links.length === 0) return <p>{t("invitations.openLinks.none")}</p>;
  return (
    <DataTable
      label={t("invitations.openLinks.title")}
      columns={[{ label: t("invitations.group") }, { label: t("invitations.neighbourhood") }, { label: t("invitations.columns.url") }, { label: t("invitations.responses"), numeric: true }, { label: t("invitations.columns.cap") }, { label: t("common.actions") }]}
      rows={links.map((l) => {
        const error = actionData?.form === "changeCap" && actionData.invitationId === l.id ? actionData.error : undefined;
        const cap = canEdit ? (
            <Form method="post" className="cap-form">
              <input type="hidden" name="intent" value="changeCap" />
              <input type="hidden" name="invitationId" value={l.id} />
              <label className="visually-hidden" htmlFor={`cap-${l.id}`}>
                {t("invitations.openLinks.newCap", { code: l.code })}
              </label>
              <input
                id={`cap-${l.id}`}
                name="cap"
                type="number"
                min={1}
                inputMode="numeric"
                placeholder={t("invitations.openLinks.noCap")}
                defaultValue={error ? actionData?.typed : (l.cap ?? "")}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `cap-${l.id}-error` : undefined}
              />
              <button type="submit" className="button--secondary">
                {t("invitations.openLinks.changeCap")}
              </button>
              {error ? (
                <p id={`cap-${l.id}-error`} className="field-error">
                  {t.dynamic(error)}
                </p>
              ) : null}
            </Form>
          ) : (
            (l.cap ?? t("invitations.openLinks.noCap"))
          );
        return {
          key: l.id,
          cells: [
            groupLabel(l.groupId),
            l.neighbourhood ?? "—",
            <a key="url" href={`/s/${l.code}`}>{l.url}</a>,
            l.responses,
            cap,
            <Link key="poster" to={`/campaigns/${campaignId}/invitations/print?poster=${l.id}`}>{t("invitations.openLinks.poster")}</Link>,
          ],
        };
      })}
    />
  );
}

type Personal = { id: string; name: string | null; email: string | null; groupId: string; neighbourhood: string | null; status: PersonalStatus };

export function PersonalTable({ campaignId, groups, invitations }: { campaignId: string; groups: Group[]; invitations: Personal[] }) {
  const t = useT();
  const groupLabel = useGroupLabel(groups);
  if (invitations.length === 0) return <p>{t("invitations.personal.none")}</p>;
  return (
    <>
      <p>
        {t.plural("invitations.personal.count", invitations.length)} —{" "}
        <a href={`/campaigns/${campaignId}/invitations/export`} download>
          {t("invitations.personal.export")}
        </a>
        {invitations.some((i) => !i.email && i.status !== "answered") ? (
          <>
            {" "}
            — <Link to={`/campaigns/${campaignId}/invitations/print?personal=without-email`}>{t("invitations.personal.printWithoutEmail")}</Link>
          </>
        ) : null}
      </p>
      <DataTable
        label={t("invitations.personal.title")}
        columns={[{ label: t("invitations.columns.name") }, { label: t("invitations.columns.email") }, { label: t("invitations.group") }, { label: t("invitations.neighbourhood") }, { label: t("invitations.columns.status") }]}
        rows={invitations.map((i) => ({ key: i.id, cells: [i.name ?? t("invitations.personal.noName"), i.email ?? "—", groupLabel(i.groupId), i.neighbourhood ?? "—", t(`invitations.personal.status.${i.status}`)] }))}
      />
    </>
  );
}

type Batch = { batch: string; groupId: string; neighbourhood: string | null; sheets: number; used: number };

export function PaperBatchesTable({ campaignId, groups, batches }: { campaignId: string; groups: Group[]; batches: Batch[] }) {
  const t = useT();
  const groupLabel = useGroupLabel(groups);
  if (batches.length === 0) return <p>{t("invitations.paper.none")}</p>;
  return (
    <DataTable
      label={t("invitations.paper.title")}
      columns={[{ label: t("invitations.columns.createdAt") }, { label: t("invitations.group") }, { label: t("invitations.neighbourhood") }, { label: t("invitations.columns.sheets"), numeric: true }, { label: t("invitations.columns.used"), numeric: true }, { label: t("common.actions") }]}
      rows={batches.map((b) => ({
        key: b.batch,
        cells: [
          formatDate(t.locale, b.batch, true),
          groupLabel(b.groupId),
          b.neighbourhood ?? "—",
          b.sheets,
          b.used,
          <Link key="reprint" to={`/campaigns/${campaignId}/invitations/print?batch=${encodeURIComponent(b.batch)}`}>{t("invitations.paper.reprint")}</Link>,
        ],
      }))}
    />
  );
}
