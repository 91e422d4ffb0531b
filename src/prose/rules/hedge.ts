import retextIntensify from 'retext-intensify'
import type {Rule} from '../../rules.ts'
import {expectedOf, placeOf, retextMessages} from '../retext.ts'

export const hedge: Rule = {
  meta: {
    id: 'hedge',
    category: 'style',
    defaultSeverity: 'off',
    presets: {strict: 'info'},
    wcag: [],
    description: 'Hedges, weasel words and fillers that weaken a statement (retext-intensify).',
    helpUrl: 'https://github.com/retextjs/retext-intensify#readme',
    highlight: {style: 'style', label: 'Style'},
    source: 'retext-intensify',
    // retext-intensify says "Unexpected weasel word"; an editor wants to know what to do.
    messages: {
      filler: '“{{words}}” adds nothing here: cut it.',
      hedge: '“{{words}}” sounds unsure: cut it if you are sure.',
      weasel: '“{{words}}” is vague: cut it or say exactly what you mean.'
    }
  },
  async check(context) {
    for (const message of await retextMessages(context, retextIntensify)) {
      const position = placeOf(message)
      if (!position) continue
      const messageId = message.ruleId === 'filler' || message.ruleId === 'hedge' ? message.ruleId : 'weasel'
      context.report({position, messageId, data: {words: context.source.slice(position.start.offset, position.end.offset)}, suggestions: expectedOf(message)})
    }
  }
}
