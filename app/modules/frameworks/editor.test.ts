import { readFileSync } from "node:fs";
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { type Framework, parseFrameworkFile } from "../../../evaluation-frameworks/schema";
import { applyDraftEdit, choiceOptionsText, type EditResult, fieldName, issuesToFields } from "./editor";
import { indicatorFormSchema, scaleFormSchema, sourceFormSchema } from "./editor-forms";
import { indicatorValues, scaleValues } from "./form-values";
import { nth } from "../../../tests/helpers/present";

const starter = (): Framework => JSON.parse(readFileSync("evaluation-frameworks/utilite-sociale-territoriale.json", "utf8"));

/** What a browser would post for these values, parsed as the route parses it. */
function submit<T extends typeof indicatorFormSchema | typeof scaleFormSchema>(schema: T, values: Record<string, string | string[] | undefined>): z.output<T> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of [value ?? []].flat()) formData.append(name, v);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return submission.value as z.output<T>;
}

function applied(result: EditResult) {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe("editor form → definition", () => {
  it("an indicator shown in its form and saved unchanged stays exactly the same (note and minN kept)", () => {
    const definition = starter();
    for (const indicator of definition.indicators) {
      const input = submit(indicatorFormSchema, indicatorValues(indicator, definition));
      const result = applied(applyDraftEdit(definition, { kind: "indicator", input }));
      expect(result.definition.indicators).toEqual(definition.indicators);
    }
  });

  it("a computed rate saved from its form keeps its formula, which the form cannot edit", () => {
    const definition = starter();
    const index = definition.indicators.findIndex((i) => i.kind === "computed");
    const rate = definition.indicators[index];
    const input = submit(indicatorFormSchema, { ...indicatorValues(rate, definition), target: "70" });
    const result = applied(applyDraftEdit(definition, { kind: "indicator", input }));
    expect(result.definition.indicators[index]).toEqual({ ...rate, target: 70 });
    expect(parseFrameworkFile(result.definition).ok).toBe(true);
  });

  it("a new indicator gets an id from its French label, unique, and existing ids never change", () => {
    const definition = starter();
    const values = { ...indicatorValues(undefined, definition), labelFr: "Confiance dans le projet", labelEn: "Trust", questionFr: "Avez-vous confiance ?", questionEn: "Do you trust it?", sources: [nth(definition.sources, 0).id] };
    const first = applied(applyDraftEdit(definition, { kind: "indicator", input: submit(indicatorFormSchema, values) }));
    expect(first.itemId).toBe("confiance_dans_le_projet");
    const second = applied(applyDraftEdit(first.definition, { kind: "indicator", input: submit(indicatorFormSchema, values) }));
    expect(second.itemId).toBe("confiance_dans_le_projet_2");
    expect(second.definition.indicators.slice(0, definition.indicators.length).map((i) => i.id)).toEqual(definition.indicators.map((i) => i.id));
    expect(parseFrameworkFile(second.definition).ok).toBe(true);
  });

  it("a new indicator never takes the id of one retired in an earlier version", () => {
    const definition = starter();
    const values = { ...indicatorValues(undefined, definition), labelFr: "Confiance", labelEn: "Trust", questionFr: "Avez-vous confiance ?", questionEn: "Do you trust it?", sources: [nth(definition.sources, 0).id] };
    const result = applied(applyDraftEdit(definition, { kind: "indicator", input: submit(indicatorFormSchema, values) }, ["confiance"]));
    expect(result.itemId).toBe("confiance_2");
  });

  it("a reworded question changes only that text", () => {
    const definition = starter();
    const indicator = nth(definition.indicators, 0);
    const input = submit(indicatorFormSchema, { ...indicatorValues(indicator, definition), questionFr: "Pouvez-vous agir sur votre quartier ?" });
    const result = applied(applyDraftEdit(definition, { kind: "indicator", input }));
    expect(result.path).toBe("indicators[0]");
    expect(nth(result.definition.indicators, 0)).toEqual({ ...indicator, question: { fr: "Pouvez-vous agir sur votre quartier ?", en: indicator.question.en } });
  });

  it("removing a dimension that still has indicators is refused with their number", () => {
    const definition = starter();
    const dimension = nth(definition.dimensions, 0);
    const inside = definition.indicators.filter((i) => i.dimension === dimension.id);
    const refused = applyDraftEdit(definition, { kind: "removeDimension", id: dimension.id });
    expect(refused).toMatchObject({ ok: false, formErrors: [{ key: "frameworks.errors.dimensionHasIndicators", params: { count: inside.length } }] });
    // The message names the first five indicators, then « … ».
    expect(refused.ok ? undefined : refused.formErrors[0]?.params?.indicators).toMatchObject({ fr: `${inside.slice(0, 5).map((i) => `«\u00a0${i.label.fr}\u00a0»`).join(", ")}, …` });
  });

  it("a stakeholder group still asked some indicators cannot be removed; an unused one can", () => {
    const definition = starter();
    const used = definition.stakeholderGroups.find((g) => definition.indicators.some((i) => i.audiences.includes(g.id)))!;
    const count = definition.indicators.filter((i) => i.audiences.includes(used.id)).length;
    expect(applyDraftEdit(definition, { kind: "removeGroup", id: used.id })).toMatchObject({ ok: false, formErrors: [{ key: "frameworks.errors.groupHasIndicators", params: { count } }] });
    const withExtra = { ...definition, stakeholderGroups: [...definition.stakeholderGroups, { id: "elus", label: { fr: "Élu·es", en: "Councillors" } }] };
    const result = applied(applyDraftEdit(withExtra, { kind: "removeGroup", id: "elus" }));
    expect(result.definition.stakeholderGroups).toEqual(definition.stakeholderGroups);
  });

  it("a council's own source gets an id from its publisher and year, and can be cited", () => {
    const definition = starter();
    const result = applied(applyDraftEdit(definition, { kind: "source", input: { title: "Délibération du conseil municipal", publisher: "Commune de Démo", year: 2026 } }));
    expect(result.itemId).toBe("commune-de-demo-2026");
    expect(result.definition.sources.at(-1)).toEqual({ id: "commune-de-demo-2026", title: "Délibération du conseil municipal", publisher: "Commune de Démo", year: 2026 });
    expect(parseFrameworkFile(result.definition).ok).toBe(true);
  });

  it("a source address must be a web address (never javascript:)", () => {
    const base = { title: "Guide", publisher: "Réseau", year: 2020 };
    expect(sourceFormSchema.safeParse({ ...base, url: "javascript:alert(1)" }).success).toBe(false);
    expect(sourceFormSchema.safeParse({ ...base, url: "https://www.avise.org/guide" }).success).toBe(true);
  });

  it("an unknown item id is refused, never created", () => {
    const definition = starter();
    expect(applyDraftEdit(definition, { kind: "removeIndicator", id: "nexiste_pas" })).toMatchObject({ ok: false, formErrors: [{ key: "frameworks.errors.unknownItem" }] });
  });

  it("choice options keep their stored values; a new line gets one from its label", () => {
    const definition = starter();
    const scale = definition.scales.find((s) => s.type === "choice")!;
    if (scale.type !== "choice") throw new Error("no choice scale");
    const text = `${choiceOptionsText(scale)}\n| Je ne souhaite pas répondre | I'd rather not say |`;
    const result = applied(applyDraftEdit(definition, { kind: "scale", input: submit(scaleFormSchema, { ...scaleValues(scale), options: text }) }));
    const saved = result.definition.scales.find((s) => s.id === scale.id);
    if (saved?.type !== "choice") throw new Error("scale lost");
    expect(saved.options.slice(0, -1)).toEqual(scale.options);
    expect(saved.options.at(-1)).toEqual({ value: "je_ne_souhaite_pas_repondre", label: { fr: "Je ne souhaite pas répondre", en: "I'd rather not say" } });
  });

  it("a badly written option line is refused at the options field with its line number", () => {
    const definition = starter();
    const scale = definition.scales.find((s) => s.type === "choice")!;
    const result = applyDraftEdit(definition, { kind: "scale", input: submit(scaleFormSchema, { id: scale.id, options: "oui | Oui | Yes | 100\nmauvaise ligne" }) });
    expect(result).toEqual({ ok: false, fieldErrors: { options: [{ key: "frameworks.errors.optionLine", params: { line: 2 } }] }, formErrors: [] });
  });

  it("a Likert scale needs exactly five labels", () => {
    const definition = starter();
    const scale = definition.scales.find((s) => s.type === "likert")!;
    const result = applyDraftEdit(definition, { kind: "scale", input: submit(scaleFormSchema, { ...scaleValues(scale), labelsFr: "Non\nOui" }) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { labelsFr: [{ params: { points: 5 } }] } });
  });
});

describe("definition issues → form fields", () => {
  it("field names follow the file's path", () => {
    expect(fieldName("question.fr")).toBe("questionFr");
    expect(fieldName("audiences[1]")).toBe("audiences");
    expect(fieldName("privacy.kFreeText")).toBe("kFreeText");
    expect(fieldName("labels[2].en")).toBe("labelsEn");
  });

  it("an issue of the edited item lands on its field; any other goes above the form", () => {
    const message = { key: "frameworkChecks.emptyText.en" };
    const other = { key: "frameworkChecks.weight", params: { value: "0" } };
    const mapped = issuesToFields(
      [
        { path: "indicators[3].question.en", message },
        { path: "indicators[4].weight", message: other },
      ],
      "indicators[3]",
      ["questionFr", "questionEn", "weight"],
    );
    expect(mapped.fieldErrors).toEqual({ questionEn: [{ key: "frameworks.errors.issue", params: { message } }] });
    expect(mapped.formErrors).toEqual([{ key: "frameworks.errors.issueAt", params: { path: "indicators[4].weight", message: other } }]);
  });
});
