import { useT } from "../../i18n/use-t";

/**
 * Shown by `public/offline-forms.js` next to the button that was pressed when a form could not
 * be sent (no connection, or the server failed): the page and what was typed stay, with a retry.
 * Hidden, and unused, when JavaScript is off: the browser then shows its own error page.
 */
export function OfflineNotice() {
  const t = useT();
  return (
    <div className="offline-notice" data-offline-notice hidden role="alert">
      <p data-reason="offline">
        <strong>{t("survey.offlineTitle")}</strong> {t("survey.offlineBody")}
      </p>
      <p data-reason="error" hidden>
        <strong>{t("survey.serverErrorTitle")}</strong> {t("survey.offlineBody")}
      </p>
      <button type="button" data-offline-retry>
        {t("survey.offlineRetry")}
      </button>
    </div>
  );
}
