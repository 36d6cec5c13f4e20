import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { formatDate, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { publicBaseUrl } from "~/lib/request.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { getPrintSheets } from "~/modules/invitations/print.server";
import invitationStyles from "~/styles/invitations.css";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: invitationStyles }];
export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.printSheets"));

const printQuery = z.object({ batch: z.string().max(40).optional(), poster: z.string().max(64).optional(), personal: z.literal("without-email").optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const query = printQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Not found", { status: 404 });
  const print = await getPrintSheets(db, member.territoryId, routeParam(params, "campaignId"), { batch: query.data.batch, posterId: query.data.poster, withoutEmail: query.data.personal === "without-email" }, publicBaseUrl(request));
  return {
    campaign: { id: print.campaign.id, title: print.campaign.title, isAnonymous: print.campaign.isAnonymous, closesOn: print.campaign.closesOn },
    territoryName: print.territoryName,
    isPoster: print.isPoster,
    sheets: print.sheets,
  };
}

export default function PrintSheets() {
  const t = useT();
  const { campaign, territoryName, isPoster, sheets } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <div className="no-print">
        <p>
          <Link to={`/campaigns/${campaign.id}/invitations`}>← {t("invitations.back")}</Link>
        </p>
        <h1>{isPoster ? t("invitations.print.posterTitle", { title: campaign.title }) : t("invitations.print.title", { title: campaign.title })}</h1>
        <p>{sheets.length > 0 ? t.plural("invitations.print.intro", sheets.length) : t("invitations.print.none")}</p>
      </div>
      <div className="sheets">
        {sheets.map((sheet) => (
          <article key={sheet.id} className={`sheet${isPoster ? " sheet--poster" : ""}`} data-testid="sheet" aria-labelledby={`sheet-${sheet.id}`}>
            <h2 id={`sheet-${sheet.id}`}>{campaign.title}</h2>
            {sheet.name ? <p className="sheet__for">{t("invitations.print.for", { name: sheet.name })}</p> : null}
            <p className="sheet__invite">{t("invitations.print.invite")}</p>
            <p className="sheet__explain">{isPoster ? t("invitations.print.posterExplain") : t("invitations.print.explain", { territory: territoryName })}</p>
            {/* qrcode's own SVG output, built on the server from our URL: no user HTML. */}
            <div className="sheet__qr" role="img" aria-label={t("invitations.print.qrAlt", { url: sheet.url })} dangerouslySetInnerHTML={{ __html: sheet.svg }} />
            <p className="sheet__note">{t("invitations.print.scan")}</p>
            <p className="sheet__url">{sheet.url}</p>
            {!isPoster ? (
              <>
                <p className="sheet__code-label">{t("invitations.print.codeLabel")}</p>
                <p className="sheet__code">{sheet.code}</p>
                <p className="sheet__note">{t("invitations.print.singleUse")}</p>
              </>
            ) : null}
            {campaign.isAnonymous ? <p className="sheet__note">{t("invitations.print.anonymous")}</p> : null}
            {campaign.closesOn ? <p className="sheet__note">{t("invitations.print.closesOn", { date: formatDate(t.locale, campaign.closesOn) })}</p> : null}
            <p className="sheet__meta">
              {territoryName} · {localized(t.locale, sheet.groupLabel)}
              {sheet.neighbourhood ? ` · ${sheet.neighbourhood}` : ""}
            </p>
          </article>
        ))}
      </div>
    </section>
  );
}
