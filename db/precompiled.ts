import { type Compilable, type CompiledQuery, DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from "kysely";
import type { Database } from "./schema";

/**
 * Precompiled queries, for the few hot paths where building a query costs measurable time
 * (the survey submit: see README « Benchmark »). The query is still written with Kysely's
 * typed builder, once, with named placeholders; each call only swaps the values in. The SQL
 * text never changes, so db/connection.ts reuses its prepared statement too.
 *
 * Building needs no connection: this instance compiles SQLite SQL and can execute nothing.
 */
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const PLACEHOLDER = Symbol("placeholder");
type Placeholder = { readonly [PLACEHOLDER]: string };

function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === "object" && value !== null && PLACEHOLDER in value;
}

/** Stands for the value named `name`, typed as that value so the builder checks the column. */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

/**
 * Compiles `build(param)` once; the returned function binds values by name.
 * Values written literally in `build` (e.g. `source: "online"`) stay as they are.
 */
export function precompile<P extends Record<string, unknown>, R>(build: (db: Kysely<Database>, param: Param<P>) => Compilable<R>): (values: P) => CompiledQuery<R> {
  const param = ((name: string) => ({ [PLACEHOLDER]: name })) as unknown as Param<P>;
  const compiled = build(compiler, param).compile();
  const slots = compiled.parameters.map((value) => (isPlaceholder(value) ? value[PLACEHOLDER] : null));
  return (values) => ({ ...compiled, parameters: compiled.parameters.map((value, i) => (slots[i] === null ? value : values[slots[i]!])) });
}
