import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { excelNumber, neutralizeCell, toExcelCsv } from "./csv";

describe("neutralizing spreadsheet formulas in CSV cells", () => {
  it("prefixes an apostrophe to a cell that starts like a formula", () => {
    for (const formula of ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\tplain", "\rplain"]) {
      expect(neutralizeCell(formula)).toBe(`'${formula}`);
    }
  });

  it("also when spaces or quotes come first, as Excel skips them", () => {
    for (const formula of ["  =1+1", '"=1+1', "' =1+1", "\u00a0=1", "＝1+1"]) expect(neutralizeCell(formula)).toBe(`'${formula}`);
  });

  it("leaves ordinary text alone", () => {
    for (const text of ["Hélène Dupré", "helene@exemple.fr", "Quartier Nord", "a=b", "3 - 2", ""]) expect(neutralizeCell(text)).toBe(text);
  });
});

describe("numbers in an Excel-FR CSV", () => {
  it("keep their sign and take a decimal comma", () => {
    expect(excelNumber(-3)).toBe("-3");
    expect(excelNumber(12.5)).toBe("12,5");
    expect(excelNumber(0)).toBe("0");
    expect(excelNumber(null)).toBe("");
    expect(excelNumber(Number.NaN)).toBe("");
  });
});

describe("toExcelCsv", () => {
  type Row = { name: string; score: number | null };
  const columns = [
    { header: "nom", text: (r: Row) => r.name },
    { header: "score", number: (r: Row) => r.score },
  ] as const;

  it("writes a BOM, semicolons and Windows line ends, quoting what needs it", () => {
    const csv = toExcelCsv<Row>([{ name: "Dupré; Hélène", score: 12.5 }, { name: 'Dit "Léo"', score: null }], columns);
    expect(csv).toBe('\uFEFFnom;score\r\n"Dupré; Hélène";12,5\r\n"Dit ""Léo""";\r\n');
  });

  it("neutralizes every text cell and keeps real numbers as numbers, negative ones too", () => {
    const csv = toExcelCsv<Row>([{ name: "=1+1", score: -3 }, { name: "-3", score: 4 }], columns);
    const rows = parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
    expect(rows).toEqual([
      ["nom", "score"],
      ["'=1+1", "-3"],
      ["'-3", "4"],
    ]);
  });

  it("quotes a cell with a line break so the row stays one record", () => {
    const csv = toExcelCsv<Row>([{ name: "ligne 1\nligne 2", score: 1 }], columns);
    expect(parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";" })).toEqual([
      ["nom", "score"],
      ["ligne 1\nligne 2", "1"],
    ]);
  });
});
