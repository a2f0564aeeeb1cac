/**
 * What a translation must provide: every key of the English messages (the source), each a
 * string in its own words. Typing a language with this makes a missing or stray key a
 * type error; `resources.test.ts` also checks that placeholders match.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]>
}
