import type {ImpactValue} from 'axe-core'
import type {Position} from 'unist'
import {excerptAt, toLocation, type DraftFinding} from '../report/finding.ts'
import type {AccessibilitySummary, Impact, Severity} from '../report/schema.ts'
import {severityOf, type Settings} from '../settings.ts'
import {asSentence} from '../wording.ts'
import type {AxeEngine, AxeOutcome, AxeRule} from './axe.ts'

/** Rules Chromium cannot decide here either: they look inside frames, which are never loaded. */
export const NOT_CHECKABLE_IN_CHROMIUM: ReadonlySet<string> = new Set(['frame-tested', 'frame-focusable-content'])

/**
 * Rules that need a real layout engine. In jsdom they come back incomplete, inapplicable or silently passed,
 * so faircopy reports them as not checkable here and never as passed. Besides the rules about colour, size and
 * scrolling: `marquee` and `skip-link` ask whether an element is on screen (in jsdom nothing is, so a `<marquee>`
 * passes), `p-as-heading` compares rendered font sizes and weights, `label-content-name-mismatch` the visible text.
 */
export const LAYOUT_RULES: ReadonlySet<string> = new Set([
  'color-contrast',
  'marquee',
  'skip-link',
  'p-as-heading',
  'label-content-name-mismatch',
  'color-contrast-enhanced',
  'avoid-inline-spacing',
  'object-alt',
  'target-size',
  'link-in-text-block',
  'scrollable-region-focusable',
  'frame-focusable-content',
  'frame-tested'
])

const severityByImpact: Readonly<Record<Impact, Severity>> = {
  critical: 'error',
  serious: 'error',
  moderate: 'warning',
  minor: 'info'
}

/** `wcag111` → `1.1.1`, `wcag1410` → `1.4.10`. */
export function wcagFromTags(tags: readonly string[]): string[] {
  const criteria = tags.flatMap((tag) => {
    const match = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag)
    return match ? [`${match[1]}.${match[2]}.${match[3]}`] : []
  })
  return [...new Set(criteria)]
}

/**
 * Rules about the page as a whole: its language, its title, its landmarks, its first heading, a way to skip
 * repeated blocks. Their nodes are the page or every element the page got wrong (`region` lists each one outside
 * a landmark), so each is one finding of the document, at the first element it names, not a finding on each.
 */
export const PAGE_RULES: ReadonlySet<string> = new Set([
  'html-has-lang',
  'html-lang-valid',
  'html-xml-lang-mismatch',
  'document-title',
  'bypass',
  'page-has-heading-one',
  'landmark-one-main',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main',
  'region'
])

/** axe-core's findings; one about the page (an element the wrapper made: `html`) is placed at the article's first line. */
export function axeFindings(outcome: AxeOutcome, source: string, settings: Settings, firstLine: Position): DraftFinding[] {
  return outcome.violations.flatMap((rule) => {
    const fallback = rule.impact ? severityByImpact[rule.impact] : 'warning'
    const severity = severityOf(settings, rule.id, fallback)
    if (severity === 'off') return []
    if (PAGE_RULES.has(rule.id) && rule.nodes.length > 0) {
      const first = rule.nodes.find((node) => node.position) ?? rule.nodes[0]
      const location = toLocation(first?.position ?? firstLine)
      const count = rule.nodes.length
      return [
        {
          ruleId: rule.id,
          category: 'accessibility',
          severity,
          message: asSentence(count > 1 ? `${rule.help} (${count} elements)` : rule.help),
          excerpt: excerptAt(source, location),
          location,
          suggestions: [],
          source: 'axe-core',
          wcag: wcagFromTags(rule.tags),
          ...(rule.impact ? {impact: rule.impact} : {}),
          selector: first?.selector ?? '',
          helpUrl: rule.helpUrl,
          // The page has the problem once, wherever its elements move: the rule alone identifies it.
          fingerprintBasis: '',
          scope: 'document' as const
        }
      ]
    }
    return rule.nodes.map((node): DraftFinding => {
      const location = toLocation(node.position ?? firstLine)
      const excerpt = excerptAt(source, location)
      return {
        ruleId: rule.id,
        category: 'accessibility',
        severity,
        message: asSentence(node.colorScheme ? `${rule.help} (in the ${node.colorScheme} colour scheme)` : rule.help),
        ...(node.colorScheme ? {colorScheme: node.colorScheme} : {}),
        excerpt,
        location,
        suggestions: [],
        source: 'axe-core',
        wcag: wcagFromTags(rule.tags),
        ...(rule.impact ? {impact: rule.impact} : {}),
        selector: node.selector,
        helpUrl: rule.helpUrl,
        fingerprintBasis: `${node.colorScheme ?? ''}${node.position ? source.slice(location.start.offset, location.end.offset) : node.html}`,
        ...(node.position ? {} : {scope: 'document' as const})
      }
    })
  })
}

export function summarizeAxe(outcome: AxeOutcome, settings: Settings): AccessibilitySummary {
  const summary = (rule: AxeRule) => ({
    ruleId: rule.id,
    ...(rule.impact ? {impact: rule.impact as ImpactValue & Impact} : {}),
    help: rule.help,
    helpUrl: rule.helpUrl,
    wcag: wcagFromTags(rule.tags),
    nodes: rule.nodes.length
  })
  const notCheckable = notCheckableIn(outcome.engine)
  return {
    engine: outcome.engine,
    axeVersion: outcome.axeVersion,
    tags: [...settings.accessibility.tags],
    violations: outcome.violations.map(summary),
    incomplete: outcome.incomplete.map((rule) => ({...summary(rule), reason: incompleteReason(rule, notCheckable)})),
    passes: outcome.passes.filter((id) => !notCheckable.has(id)),
    notCheckable: [...outcome.rulesRun.keys()].filter((id) => notCheckable.has(id)).sort(),
    ...(outcome.colorSchemes && outcome.colorSchemes.join() !== 'light' ? {colorSchemes: [...outcome.colorSchemes]} : {}),
    disabled: [...outcome.rulesDisabled]
  }
}

/** Rules an engine cannot decide: layout in jsdom; in Chromium, only what lies inside frames, which are never loaded. */
export function notCheckableIn(engine: AxeEngine): ReadonlySet<string> {
  return engine === 'chromium' ? NOT_CHECKABLE_IN_CHROMIUM : LAYOUT_RULES
}

function incompleteReason(rule: AxeRule, notCheckable: ReadonlySet<string>): string {
  if (notCheckable.has(rule.id)) return notCheckable === LAYOUT_RULES ? 'Needs a real browser’s layout, which jsdom does not have.' : 'Lies inside a frame, which faircopy never loads.'
  return rule.nodes.find((node) => node.failureSummary)?.failureSummary?.replace(/\s+/g, ' ').trim() ?? 'axe-core could not decide.'
}

