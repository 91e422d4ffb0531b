/** retext-simplify's list of wordy phrases and their plainer replacements, read from the installed package. */
export interface SimplifyPattern {
  readonly replace: readonly string[]
  readonly omit?: boolean
}

let loaded: Promise<Readonly<Record<string, SimplifyPattern>>> | undefined

/**
 * The package exports only its plugin; its list sits beside it in `lib/patterns.js`, loaded by file URL so that
 * the same list retext-simplify matches is also matched in its inflected forms.
 */
export function simplifyPatterns(): Promise<Readonly<Record<string, SimplifyPattern>>> {
  loaded ??= import(new URL('lib/patterns.js', import.meta.resolve('retext-simplify')).href).then((module: {patterns: Record<string, SimplifyPattern>}) => module.patterns)
  return loaded
}
