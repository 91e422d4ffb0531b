import {describe, expect, it} from 'vitest'
import {proseOf} from '../helpers.ts'

/** Each finding of these rules as [rule, line, column, excerpt]: the exact source place. */
async function placed(text: string, rules: readonly string[], format: 'markdown' | 'html' = 'markdown') {
  const {findings} = await proseOf(text, {format})
  return findings.filter((finding) => rules.includes(finding.ruleId)).map((finding) => [finding.ruleId, finding.location.start.line, finding.location.start.column, finding.excerpt])
}

describe('quotations and examples of writing to avoid', () => {
  it('plain-language leaves a block quote, a quotation in marks and a <q> alone, and reports the author’s own words', async () => {
    const text = [
      'The clinic will utilize the annex.',
      '',
      '> Clerks shall utilize the blue forms.',
      '',
      'The mayor said “we will utilize every spare room this winter” and left.',
      '',
      'The memo asked us to <q>utilize the side door</q> at night, so we utilize it.'
    ].join('\n')
    expect(await placed(text, ['plain-language'])).toEqual([
      ['plain-language', 1, 17, 'utilize'],
      ['plain-language', 7, 67, 'utilize']
    ])
  })

  it('a quotation may run over several sentences of a paragraph; an unclosed mark quotes nothing', async () => {
    const text = ['She wrote: “Staff utilize the van. Drivers utilize the map.” We utilize both.', '', 'An open “mark, and we utilize the van.'].join('\n')
    expect(await placed(text, ['plain-language'])).toEqual([
      ['plain-language', 1, 65, 'utilize'],
      ['plain-language', 3, 23, 'utilize']
    ])
  })

  it('leaves the section under a "Before" heading alone, up to the next heading of its level', async () => {
    const text = ['* #### Before', '', '  Residents utilize the ramp.', '', '* #### After', '', '  Residents use the ramp, and crews utilize the lift.'].join('\n')
    expect(await placed(text, ['plain-language'])).toEqual([['plain-language', 7, 37, 'utilize']])
    const sections = ['## Before', '', 'We utilize the hall.', '', '### Notes', '', 'Guests utilize the porch.', '', '## Our version', '', 'We utilize the yard.'].join('\n')
    expect(await placed(sections, ['plain-language'])).toEqual([['plain-language', 11, 4, 'utilize']])
  })

  it('leaves a "Don’t say" column and a paragraph led by a bold "Instead of:" alone', async () => {
    const text = ["Don't say | Say", '--- | ---', 'Crews utilize cones | Crews use cones', '', '**Instead of:** Crews utilize cones.', '', 'Crews utilize cones.'].join('\n')
    expect(await placed(text, ['plain-language'])).toEqual([['plain-language', 7, 7, 'utilize']])
  })

  it('in HTML too', async () => {
    const html = '<!doctype html><html lang="en"><head><title>T</title></head><body><main><h1>T</h1><blockquote><p>We utilize it.</p></blockquote><p>They utilize it.</p></main></body></html>'
    expect(await placed(html, ['plain-language'], 'html')).toEqual([['plain-language', 1, 137, 'utilize']])
  })

  it('leaves placeholders and editorial notes in square brackets alone', async () => {
    const text = '[Name of plaintiff] says the plaintiff will utilize [insert: how they utilize the site] the ramp.'
    expect(await placed(text, ['plain-language', 'jargon'])).toEqual([
      ['jargon', 1, 30, 'plaintiff'],
      ['plain-language', 1, 45, 'utilize']
    ])
  })

  it('takes a term set off in italics or bold on its own as mentioned, and a longer emphasised phrase as used', async () => {
    const text = ['- **fiscal year** is written in lower case.', '- Avoid _utilize_ and _facilitate_.', '', 'We **will utilize the old hall for every single meeting** this year.'].join('\n')
    expect(await placed(text, ['plain-language', 'jargon'])).toEqual([['plain-language', 4, 11, 'utilize']])
  })

  it('"so … as to" and "such a manner as to" are no "about"; "as to" alone is', async () => {
    const text = ['Doors are so placed as to be seen.', '', 'Lamps are hung in such a manner as to light the hall.', '', 'We wrote as to the fee.'].join('\n')
    expect(await placed(text, ['plain-language'])).toEqual([['plain-language', 5, 10, 'as to']])
  })
})

describe('all-caps and borrowed text', () => {
  it('leaves quotations, examples and cited works alone', async () => {
    const text = [
      'WE CLOSE THE HALL AT NINE.',
      '',
      '> KEEP THIS DOOR SHUT',
      '',
      '## Footnotes',
      '',
      '1. JANE ROE, THE ART OF THE NOTE 4 (2001).'
    ].join('\n')
    expect(await placed(text, ['all-caps'])).toEqual([['all-caps', 1, 1, 'WE CLOSE THE HALL AT NINE']])
    expect(await placed('The OPM guide helps.\n\n## References\n\n1. KIMBLE, The LAW of Plain Writing.\n', ['undefined-acronym'])).toEqual([['undefined-acronym', 1, 5, 'OPM']])
  })

  it('keeps "A" and "I" in a run of capitals, before and inside it', async () => {
    expect(await placed('Then A DOG AND A CAT RAN home.', ['all-caps'])).toEqual([['all-caps', 1, 6, 'A DOG AND A CAT RAN']])
    expect(await placed('Please READ THE SIGN A day early.', ['all-caps'])).toEqual([['all-caps', 1, 8, 'READ THE SIGN']])
  })
})
