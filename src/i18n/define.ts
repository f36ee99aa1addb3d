/** A message area: Dutch first (the default), English must have exactly the same keys. */
export function defineMessages<const T extends Record<string, string>>(nl: T, en: { [K in keyof T]: string }): { nl: T; en: { [K in keyof T]: string } } {
  return { nl, en };
}
