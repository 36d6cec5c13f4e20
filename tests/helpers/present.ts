// With `noUncheckedIndexedAccess`, `items[0]` may be undefined. A test knows its fixture, yet a
// wrong fixture must fail with a message that says what was missing, not a TypeError further on.

/** `items[index]`, or the test fails saying which index was missing. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at index ${index}, the list has ${items.length}`);
  return item;
}

/** The value, or the test fails saying what was missing. */
export function present<T>(value: T | null | undefined, what = "a value"): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
