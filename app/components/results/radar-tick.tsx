/**
 * A dimension's name around the radar, wrapped on a few short lines and anchored away from the
 * centre: Recharts writes each name on one line, so long names (« Une évaluation construite
 * ensemble ») ran past the chart's edges and were clipped at 1280 px.
 */
const LINE_LENGTH = 13;

export function wrapLabel(text: string, lineLength = LINE_LENGTH): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= lineLength) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

type TickProps = { x?: number | string; y?: number | string; cx?: number; cy?: number; payload?: { value?: unknown } };

export function RadarTick({ x = 0, y = 0, cx = 0, cy = 0, payload }: TickProps) {
  const px = Number(x);
  const py = Number(y);
  const lines = wrapLabel(String(payload?.value ?? ""));
  // Left of centre reads towards the centre, right of it away from it; top labels grow upwards.
  const anchor = Math.abs(px - cx) < 4 ? "middle" : px < cx ? "end" : "start";
  const lineHeight = 13;
  const firstLine = py < cy - 4 ? -(lines.length - 1) * lineHeight - 2 : Math.abs(py - cy) <= 4 ? -((lines.length - 1) * lineHeight) / 2 + 4 : 10;
  return (
    <text x={px} y={py + firstLine} textAnchor={anchor} fontSize={11} fill="#333">
      {lines.map((line, index) => (
        <tspan key={index} x={px} dy={index === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
