import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, test } from "vitest";
import { AREA_LAYERS, TABLE_OWNERS } from "../../app/modules/table-owners";
import { nth } from "../helpers/present";

// The architecture's rules, checked on the source text so a later change cannot quietly break
// them: each area names only its own tables, areas import downwards only (no cycle), routes
// build no SQL, db/ does not depend on app/.

const root = new URL("../..", import.meta.url).pathname;
const modulesDir = join(root, "app/modules");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const rel = (path: string) => relative(root, path).split(sep).join("/");
const areaOf = (path: string) => rel(path).match(/^app\/modules\/([^/]+)\//)?.[1];

// Kysely calls that name a table, and SQL written in a `sql` template.
const BUILDER_CALL = /\.(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin|innerJoinLateral|leftJoinLateral)\(\s*["'`]([a-z_]+)/g;
const SQL_TEMPLATE = /\bsql(?:<[^`]*?>)?`([^`]*)`/g;
const SQL_TABLE = /\b(?:from|join|into|update)\s+([a-z_]+)|\b([a-z_]+)\.[a-z_]+/g;

const tables = new Set(Object.keys(TABLE_OWNERS));

/** The tables a file names in a query: builder calls and table names in `sql` templates. */
export function tablesNamedIn(text: string): string[] {
  const named = [...text.matchAll(BUILDER_CALL)].flatMap((m) => m[2] ?? []);
  for (const template of text.matchAll(SQL_TEMPLATE)) {
    for (const m of nth(template, 1).matchAll(SQL_TABLE)) named.push(...[m[1] ?? m[2] ?? []].flat());
  }
  return [...new Set(named.filter((t) => tables.has(t)))];
}

/** The areas a file of app/modules imports (relative or `~/modules/…`). */
function areasImportedBy(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const areas = [...text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].flatMap((m) => {
    const spec = m[1] ?? m[2];
    if (spec === undefined) return [];
    const target = spec.startsWith("~/") ? `app/${spec.slice(2)}` : spec.startsWith(".") ? rel(join(path, "..", spec)) : null;
    const area = target?.match(/^app\/modules\/([^/]+)\//)?.[1];
    return area ? [area] : [];
  });
  return [...new Set(areas)];
}

const moduleFiles = sourceFiles(modulesDir).filter((f) => areaOf(f));

/** The snake_case properties a line of code reads (`x.group_id`, `x?.group_id`), outside quoted strings. */
function snakeCaseReads(line: string): string[] {
  const code = line.replace(/"[^"]*"|'[^']*'/g, '""');
  return [...code.matchAll(/\??\.([a-z][a-z0-9]*_[a-z0-9_]+)\b/g)].map((m) => nth(m, 1));
}

describe("architecture", () => {
  test("every table of db/schema.ts has an owning area, and every owner is a layered area", () => {
    const schema = readFileSync(join(root, "db/schema.ts"), "utf8");
    const database = schema.match(/export interface Database \{([^}]*)\}/)?.[1] ?? "";
    const schemaTables = [...database.matchAll(/^\s*([a-z_]+)\s*:/gm)].map((m) => nth(m, 1));
    expect(schemaTables.length).toBeGreaterThan(0);
    const unowned = schemaTables.filter((t) => !tables.has(t));
    expect(unowned, `tables without an owner in app/modules/table-owners.ts: ${unowned.join(", ")}`).toEqual([]);
    const layered = new Set<string>(AREA_LAYERS.flat());
    const unlayered = [...new Set(Object.values(TABLE_OWNERS))].filter((a) => !layered.has(a));
    expect(unlayered, `owners missing from AREA_LAYERS: ${unlayered.join(", ")}`).toEqual([]);
  });

  test("an area names only the tables it owns", () => {
    const trespasses = moduleFiles.flatMap((file) => {
      const area = areaOf(file);
      return tablesNamedIn(readFileSync(file, "utf8"))
        .filter((table) => TABLE_OWNERS[table as keyof typeof TABLE_OWNERS] !== area)
        .map((table) => `${rel(file)} (area ${area}) names table "${table}", owned by ${TABLE_OWNERS[table as keyof typeof TABLE_OWNERS]}: ask that area through an exported function`);
    });
    expect(trespasses).toEqual([]);
  });

  test("areas import only lower layers, so they never import each other in a cycle", () => {
    const layerOf = new Map<string, number>(AREA_LAYERS.flatMap((areas, layer) => areas.map((a) => [a, layer] as const)));
    const areas = new Set(moduleFiles.map((f) => areaOf(f)));
    const unknown = [...areas].filter((a) => a && !layerOf.has(a));
    expect(unknown, `areas missing from AREA_LAYERS in app/modules/table-owners.ts: ${unknown.join(", ")}`).toEqual([]);

    const edges = new Map<string, Set<string>>();
    const upward: string[] = [];
    for (const file of moduleFiles) {
      const from = areaOf(file) ?? "";
      for (const to of areasImportedBy(file)) {
        if (to === from) continue;
        edges.set(from, (edges.get(from) ?? new Set()).add(to));
        if ((layerOf.get(to) ?? Infinity) >= (layerOf.get(from) ?? -1)) upward.push(`${rel(file)} (area ${from}, layer ${layerOf.get(from)}) imports area ${to} (layer ${layerOf.get(to)}): only lower layers may be imported`);
      }
    }
    const cycles: string[] = [];
    const visit = (area: string, path: string[]) => {
      for (const next of edges.get(area) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(" → "));
        else if (!path.includes(next) && next > nth(path, 0)) visit(next, [...path, next]);
      }
    };
    for (const area of edges.keys()) visit(area, [area]);
    expect(cycles, "import cycles between areas").toEqual([]);
    expect(upward).toEqual([]);
  });

  test("routes build no SQL: they call one module function", () => {
    const offenders = sourceFiles(join(root, "app/routes")).filter((file) => /\.(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\(|\bsql`/.test(readFileSync(file, "utf8")));
    expect(offenders.map(rel), "route files with SQL builders: move the query into its module").toEqual([]);
  });

  test("route files import no other route (shared pieces live in app/components)", () => {
    const routesDir = join(root, "app/routes");
    const offenders = sourceFiles(routesDir).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']/g)]
        .map((m) => rel(join(file, "..", nth(m, 1))))
        .filter((target) => target.startsWith("app/routes/") && target.split("/")[2] !== rel(file).split("/")[2])
        .map((target) => `${rel(file)} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  test("db/ does not import app/ (the lowest floor depends on nothing above it)", () => {
    const offenders = sourceFiles(join(root, "db")).filter((file) => /from\s+["'](?:\.\.\/app\/|~\/)/.test(readFileSync(file, "utf8")));
    expect(offenders.map(rel), "db/ files importing app/").toEqual([]);
  });

  test("no column name reaches a component: .tsx files under app/ read camelCase fields only", () => {
    // Modules map rows to camelCase (README « Noms ») ; a snake_case property read in a .tsx is a
    // database column that crossed the seam. String literals are left out (i18n keys, class names).
    const offenders = sourceFiles(join(root, "app"))
      .filter((file) => file.endsWith(".tsx"))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, i) => [...snakeCaseReads(line)].map((name) => `${rel(file)}:${i + 1} reads .${name}: map it to camelCase in its module`)),
      );
    expect(offenders).toEqual([]);
  });

  test("the naming check sees property reads, not strings", () => {
    expect(snakeCaseReads("row.group_id ?? r?.max_responses")).toEqual(["group_id", "max_responses"]);
    expect(snakeCaseReads(`t("roles.association_member") + 'a.b_c' + x.groupId`)).toEqual([]);
  });

  test("the table check sees builder calls and sql templates", () => {
    expect(tablesNamedIn(`db.selectFrom("campaign as c").innerJoin(\n "invitation as i", "i.id", "c.id")`)).toEqual(["campaign", "invitation"]);
    expect(tablesNamedIn("sql<number>`count_cell.count + excluded.count`")).toEqual(["count_cell"]);
    expect(tablesNamedIn(`db.selectFrom("nothing")`)).toEqual([]);
  });

  test("a route's component uses nothing imported from a .server module (it is empty in the browser)", () => {
    // Remix strips `.server` modules from the browser bundle: a value they export is undefined
    // there, so a component that reads one renders on the server and breaks once hydrated.
    const routes = sourceFiles(join(root, "app/routes"));
    const misuses = routes.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      // The component's code without its string literals (a class name may share a word).
      const component = (text.split(/export default function/)[1] ?? "").replace(/"[^"\n]*"/g, '""');
      const serverValues = [...text.matchAll(/^import \{([^}]*)\} from "[^"]*\.server";/gm)].flatMap((m) =>
        nth(m, 1).split(",").map((name) => name.trim()).filter((name) => name && !name.startsWith("type ")).map((name) => name.split(/\s+as\s+/).pop() ?? name),
      );
      return serverValues.filter((name) => new RegExp(`\\b${name}\\b`).test(component)).map((name) => `${rel(file)}: the component uses ${name}, from a .server module`);
    });
    expect(misuses).toEqual([]);
  });
});
