import retextPassive from 'retext-passive'
import type {Rule} from '../../rules.ts'
import {describePassive, isPredicateAdjective, passivePhrases} from '../passive.ts'
import {RangeIndex} from '../ranges.ts'
import {placeOf, retextMessages} from '../retext.ts'

export const passiveVoice: Rule = {
  meta: {
    id: 'passive-voice',
    category: 'passive-voice',
    defaultSeverity: 'info',
    presets: {strict: 'warning'},
    wcag: [],
    description: 'A passive verb phrase hides who acts.',
    helpUrl: 'https://github.com/retextjs/retext-passive#readme',
    highlight: {style: 'passive', label: 'Passive voice'},
    messages: {
      passive: '“{{phrase}}” is passive voice: say who did it.',
      'passive-agent': '“{{phrase}}” is passive voice: start with who acted, “{{agent}}”.',
      'maybe-passive': '“{{phrase}}” may be passive voice: say who did it.'
    }
  },
  async check(context) {
    const phrases = context.get(passivePhrases)
    for (const found of phrases) context.report({position: found.position, ...(await describePassive(found))})
    // retext-passive's own findings that faircopy's phrases do not cover, less the adjectives it takes for participles.
    const covered = new RangeIndex(phrases.map((found) => found.position))
    for (const message of await retextMessages(context, retextPassive)) {
      const position = placeOf(message)
      if (!position || covered.overlaps(position)) continue
      const phrase = context.source.slice(position.start.offset, position.end.offset)
      if (!isPredicateAdjective(phrase)) context.report({position, messageId: 'maybe-passive', data: {phrase}, source: 'retext-passive'})
    }
  }
}
