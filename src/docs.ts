import axe from 'axe-core'
import {notCheckableIn} from './accessibility/findings.ts'
import presetData from './presets.json' with {type: 'json'}
import {registry} from './registry.ts'
import type {Level, RuleMeta} from './rules.ts'
import {DEFAULT_AXE_TAGS, jargonDomains, presetNames, type PresetName} from './settings.ts'

/** The README's table of faircopy's rules, from the registry: one row per rule, with the levels presets give it. */
export function rulesTable(rules: readonly RuleMeta[] = registry.metas): string {
  const rows = rules.map((rule) => {
    const byPreset = presetNames.flatMap((name) => (rule.presets?.[name] === undefined ? [] : [`${name}: ${rule.presets[name]}`]))
    const severity = rule.defaultSeverity === 'off' ? `off (${byPreset.join(', ') || 'opt in'})` : rule.defaultSeverity + (byPreset.length > 0 ? ` (${byPreset.join(', ')})` : '')
    return `| \`${rule.id}\` | ${rule.category} | ${severity} | ${rule.wcag.join(', ') || '–'} | ${optionsText(rule)} | ${rule.description} |`
  })
  return ['| rule | category | default severity | WCAG | options (default) | what it finds |', '| --- | --- | --- | --- | --- | --- |', ...rows, ''].join('\n')
}

/** A rule's options and their defaults: `commonWords` (20000). */
function optionsText(rule: RuleMeta): string {
  if (rule.options === undefined) return '–'
  const defaults = rule.options.parse({}) as Record<string, unknown>
  return Object.entries(defaults)
    .map(([key, value]) => `\`${key}\` (${JSON.stringify(value)})`)
    .join(', ')
}

/** The README's table of presets: from presets.json, and the levels the rules' meta gives each preset. */
export function presetsTable(rules: readonly RuleMeta[] = registry.metas): string {
  const rows = presetNames.map((name) => {
    const preset = presetData.presets[name]
    const domains = preset.domains.length === jargonDomains.length ? 'all' : preset.domains.join(', ')
    return `| \`${name}\`${name === 'general' ? ' (default)' : ''} | ${preset.targetGrade} | ${domains} | ${changes(rules, name)} | ${preset.description} |`
  })
  return ['| preset | target grade | jargon domains | rules it changes | for |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n')
}

function changes(rules: readonly RuleMeta[], preset: PresetName): string {
  const byLevel = new Map<Level, string[]>()
  for (const rule of rules) {
    const level = rule.presets?.[preset]
    if (level !== undefined) byLevel.set(level, [...(byLevel.get(level) ?? []), `\`${rule.id}\``])
  }
  return [...byLevel].map(([level, ids]) => `${ids.join(', ')} → ${level}`).join('; ')
}

/**
 * The README's table of axe-core's rules under the default tags, and what each engine makes of them: jsdom decides
 * a rule or cannot check it (no layout); Chromium decides every rule but those inside frames, which are never loaded.
 */
export function enginesTable(tags: readonly string[] = DEFAULT_AXE_TAGS): string {
  const rules = axe
    .getRules([...tags])
    .filter((rule) => !rule.tags.includes('experimental'))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId))
  const cell = (notCheckable: ReadonlySet<string>, id: string, why: string) => (notCheckable.has(id) ? `not checkable (${why})` : 'decides')
  const rows = rules.map((rule) => `| \`${rule.ruleId}\` | ${cell(notCheckableIn('jsdom'), rule.ruleId, 'needs layout')} | ${cell(notCheckableIn('chromium'), rule.ruleId, 'inside frames')} |`)
  return ['| axe-core rule | jsdom engine (default) | chromium engine |', '| --- | --- | --- |', ...rows, ''].join('\n')
}
