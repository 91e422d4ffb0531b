import retextIntensify from 'retext-intensify'
import {retextRule} from '../retext.ts'

export const hedge = retextRule(
  {
    id: 'hedge',
    plugin: 'retext-intensify',
    presets: {strict: 'info'},
    description: 'Hedges, weasel words and fillers that weaken a statement (retext-intensify).',
    // retext-intensify says "Unexpected weasel word"; an editor wants to know what to do.
    messages: {
      filler: '“{{words}}” adds nothing here: cut it.',
      hedge: '“{{words}}” sounds unsure: cut it if you are sure.',
      weasel: '“{{words}}” is vague: cut it or say exactly what you mean.'
    }
  },
  retextIntensify,
  (message, words) => ({messageId: message.ruleId === 'filler' || message.ruleId === 'hedge' ? message.ruleId : 'weasel', data: {words}})
)
