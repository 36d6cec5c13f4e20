import type { ReactNode } from "react";

/** A confirmation after an action, announced to screen readers. */
export function FlashMessage({ children }: { children: ReactNode }) {
  return (
    <div className="flash" role="status">
      {children}
    </div>
  );
}
