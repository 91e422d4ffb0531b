import presetData from './presets.json' with {type: 'json'}
import {faircopyRules} from './registry.ts'

/** The README's table of faircopy's rules, from the registry and the presets. */
export function rulesTable(): string {
  const presets = Object.entries(presetData.presets)
  const rows = faircopyRules.map((rule) => {
    const turnedOn = presets.flatMap(([name, preset]) => ((preset.rules as Record<string, string>)[rule.id] ? [`${name}: ${(preset.rules as Record<string, string>)[rule.id]}`] : []))
    const severity = rule.defaultSeverity === 'off' ? `off (${turnedOn.join(', ') || 'opt in'})` : rule.defaultSeverity + (turnedOn.length > 0 ? ` (${turnedOn.join(', ')})` : '')
    return `| \`${rule.id}\` | ${rule.category} | ${severity} | ${rule.wcag.join(', ') || '–'} | ${rule.description} |`
  })
  return ['| rule | category | default severity | WCAG | what it finds |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n')
}
