import { Form, Link } from "@remix-run/react";
import { formatDate, localized } from "../../i18n/i18n";
import { ScrollTable } from "../scroll-table";
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
    <ScrollTable label={t("invitations.openLinks.title")}>
        <thead>
          <tr>
            <th scope="col">{t("invitations.group")}</th>
            <th scope="col">{t("invitations.neighbourhood")}</th>
            <th scope="col">{t("invitations.columns.url")}</th>
            <th scope="col" className="number">
              {t("invitations.responses")}
            </th>
            <th scope="col">{t("invitations.columns.cap")}</th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => {
            const error = actionData?.form === "changeCap" && actionData.invitationId === l.id ? actionData.error : undefined;
            return (
              <tr key={l.id}>
                <td>{groupLabel(l.groupId)}</td>
                <td>{l.neighbourhood ?? "—"}</td>
                <td>
                  <a href={`/s/${l.code}`}>{l.url}</a>
                </td>
                <td className="number">{l.responses}</td>
                <td>
                  {canEdit ? (
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
                  )}
                </td>
                <td>
                  <Link to={`/campaigns/${campaignId}/invitations/print?poster=${l.id}`}>{t("invitations.openLinks.poster")}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      
    </ScrollTable>
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
      <ScrollTable label={t("invitations.personal.title")}>
          <thead>
            <tr>
              <th scope="col">{t("invitations.columns.name")}</th>
              <th scope="col">{t("invitations.columns.email")}</th>
              <th scope="col">{t("invitations.group")}</th>
              <th scope="col">{t("invitations.neighbourhood")}</th>
              <th scope="col">{t("invitations.columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.name ?? t("invitations.personal.noName")}</td>
                <td>{i.email ?? "—"}</td>
                <td>{groupLabel(i.groupId)}</td>
                <td>{i.neighbourhood ?? "—"}</td>
                <td>{t(`invitations.personal.status.${i.status}`)}</td>
              </tr>
            ))}
          </tbody>
        
      </ScrollTable>
    </>
  );
}

type Batch = { batch: string; groupId: string; neighbourhood: string | null; sheets: number; used: number };

export function PaperBatchesTable({ campaignId, groups, batches }: { campaignId: string; groups: Group[]; batches: Batch[] }) {
  const t = useT();
  const groupLabel = useGroupLabel(groups);
  if (batches.length === 0) return <p>{t("invitations.paper.none")}</p>;
  return (
    <ScrollTable label={t("invitations.paper.title")}>
        <thead>
          <tr>
            <th scope="col">{t("invitations.columns.createdAt")}</th>
            <th scope="col">{t("invitations.group")}</th>
            <th scope="col">{t("invitations.neighbourhood")}</th>
            <th scope="col" className="number">
              {t("invitations.columns.sheets")}
            </th>
            <th scope="col" className="number">
              {t("invitations.columns.used")}
            </th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.batch}>
              <td>{formatDate(t.locale, b.batch, true)}</td>
              <td>{groupLabel(b.groupId)}</td>
              <td>{b.neighbourhood ?? "—"}</td>
              <td className="number">{b.sheets}</td>
              <td className="number">{b.used}</td>
              <td>
                <Link to={`/campaigns/${campaignId}/invitations/print?batch=${encodeURIComponent(b.batch)}`}>{t("invitations.paper.reprint")}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      
    </ScrollTable>
  );
}
