import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on a phone instead of widening the page: the scrolling box
 * is a labelled region that takes the focus, so keyboard users can scroll it too (axe
 * `scrollable-region-focusable`).
 */
export function ScrollTable({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className={className}>{children}</table>
    </div>
  );
}
