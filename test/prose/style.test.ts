import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Plugin} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {proseOf} from '../helpers.ts'

const text = 'The chairman said the the plan was basically sound. Special Operations sent a research fellow to the meeting.'
const style = (findings: Array<{category: string; ruleId: string; excerpt: string}>) =>
  findings.filter((finding) => finding.category === 'style').map((finding) => `${finding.ruleId}:${finding.excerpt}`)

describe('optional style checks', () => {
  it('are off by default', async () => {
    expect(style((await proseOf(text)).findings)).toEqual([])
  })

  it('are on in the strict preset, and leave proper nouns and academic titles alone', async () => {
    const found = style((await proseOf(text, {preset: 'strict'})).findings)
    expect(found.sort()).toEqual(['hedge:basically', 'inclusive-language:basically', 'inclusive-language:chairman', 'repeated-word:the the'])
  })

  it('can be turned on one by one, with messages an editor can act on', async () => {
    const prose = await proseOf(text, {rules: {hedge: 'warning'}})
    const hedge = prose.findings.find((finding) => finding.ruleId === 'hedge')
    expect(hedge).toMatchObject({severity: 'warning', source: 'retext-intensify', message: '“basically” adds nothing here: cut it.'})
    expect(style(prose.findings)).toEqual(['hedge:basically'])
  })
})

describe('the user’s own retext plugins', () => {
  it('turn their messages into findings at the right place', async () => {
    const noHarbour: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
      visit(tree, 'WordNode', (node) => {
        if (toString(node).toLowerCase() === 'harbour') {
          const message = file.message('Say “port” in this house style', {place: node.position, ruleId: 'house-port', source: 'house-style'})
          message.expected = ['port']
        }
      })
    }
    const prose = await proseOf('Boats wait in the harbour.\nThe harbour is calm.', {plugins: [noHarbour]})
    const own = prose.findings.filter((finding) => finding.source === 'house-style')
    expect(own.map((finding) => [finding.ruleId, finding.excerpt, finding.location.start.line, finding.location.start.column])).toEqual([
      ['house-port', 'harbour', 1, 19],
      ['house-port', 'harbour', 2, 5]
    ])
    expect(own[0]).toMatchObject({category: 'style', severity: 'warning', suggestions: ['port'], message: 'Say “port” in this house style.'})
  })
})
