import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";

/** « Imprimer » once JavaScript runs (Ctrl+P works without it); hidden in the print itself. */
export function PrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <p className="no-print">
      <button type="button" className="button--secondary" onClick={() => window.print()}>
        {t("review.public.print")}
      </button>
    </p>
  );
}
