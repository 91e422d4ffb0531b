import {describe, expect, it} from 'vitest'
import {nameRuns} from '../../src/prose/names.ts'
import {formsOf, inflect} from '../../src/prose/terms.ts'
import {readSentences} from '../../src/prose/tokens.ts'
import {hastToNlcst} from '../../src/prose/nlcst.ts'
import {parseArticle} from '../../src/input/parse.ts'
import {proseOf} from '../helpers.ts'

const wordy = async (text: string) =>
  (await proseOf(text)).findings.filter((finding) => finding.ruleId === 'plain-language' || finding.ruleId === 'jargon').map((finding) => [finding.excerpt, finding.suggestions[0] ?? ''])

describe('inflected forms of listed terms', () => {
  // Seventeen inflected forms of terms of retext-simplify's list and faircopy's own, each in a sentence of our own.
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['The county utilized the old depot for storage.', 'utilized', 'used'],
    ['The clinic provides rides to every appointment.', 'provides', 'gives'],
    ['Repairs commenced after the flood.', 'commenced', 'began'],
    ['Most components arrived on time.', 'components', 'parts'],
    ['Our staff are assisting families with the forms.', 'assisting', 'aiding'],
    ['The state purchased two new ferries.', 'purchased', 'bought'],
    ['Volunteers facilitated the meeting.', 'facilitated', 'eased'],
    ['She terminates the contract in May.', 'terminates', 'ends'],
    ['The office transmitted the file on Friday.', 'transmitted', 'sent'],
    ['The board is modifying the rules.', 'modifying', 'changing'],
    ['Crews accelerated the work on the bridge.', 'accelerated', 'sped up'],
    ['The city implemented a new fee.', 'implemented', 'carried out'],
    ['The mayor has indicated her support.', 'indicated', 'showed'],
    ['Drivers obtained their permits at the desk.', 'obtained', 'got'],
    ['The council approximates the cost each year.', 'approximates', 'about'],
    ['Officials ascertained the cause of the fire.', 'ascertained', 'found out'],
    ['The agency endeavors to answer every letter.', 'endeavors', 'tries']
  ]

  it('are found, at least 16 of 17, each with its suggestion inflected to match', async () => {
    let found = 0
    const misses: string[] = []
    for (const [sentence, word, suggestion] of cases) {
      const findings = await wordy(sentence)
      const hit = findings.find(([excerpt]) => excerpt === word)
      if (hit) found++
      if (!hit || hit[1] !== suggestion) misses.push(`${word}: ${JSON.stringify(findings)}`)
    }
    console.info(`inflected forms: ${found} of ${cases.length} found; wrong or missing: ${misses.join('; ') || 'none'}`)
    expect(found).toBeGreaterThanOrEqual(16)
    expect(misses.length).toBeLessThanOrEqual(2)
  })

  it('come from the generated conjugations, not from guessing at endings', () => {
    expect([...formsOf('begin').keys()]).toEqual(['begin', 'began', 'begins', 'beginning', 'begun'])
    expect(formsOf('criterion').has('criterions')).toBe(false)
    expect(inflect('use', 'past')).toBe('used')
    expect(inflect('carry out', 'gerund')).toBe('carrying out')
    expect(inflect('part', 'plural')).toBe('parts')
    expect(inflect('more', 'past')).toBe('more')
  })

  it('leave a suggestion that is inflected already alone, and give a modal verb its own past or none', () => {
    expect(inflect('rules', 'plural')).toBe('rules')
    expect(inflect('handles', 'present')).toBe('handles')
    expect(inflect('can', 'past')).toBe('could')
    expect(inflect('can', 'present')).toBe('can')
    expect(inflect('must', 'gerund')).toBeUndefined()
    expect(inflect('must', 'past')).toBeUndefined()
  })

  it('suggest words that exist: none made by inflecting a modal or an inflected word', async () => {
    const prose = await proseOf('The crews were able to finish. Two regulatory frameworks apply. The work is requiring care.')
    const suggestions = prose.findings.flatMap((finding) => finding.suggestions ?? [])
    expect(suggestions).toContain('could')
    expect(suggestions).toContain('rules')
    expect(suggestions.filter((suggestion) => /ss$|musting|canned/.test(suggestion))).toEqual([])
  })
})

describe('terms in their sense', () => {
  // Twenty trap sentences of our own: a listed word in a sense, part of speech or set phrase its suggestion does not fit.
  const traps = [
    'Please write your mailing address on the envelope.',
    'We look forward to seeing you at the fair.',
    'Going forward, the library opens at nine.',
    'You need a building permit for a new deck.',
    'The monitor on my desk flickers.',
    'Open a pull request when the change is ready.',
    'It is a small town with one school.',
    'We received your request on Monday.',
    'The benefits of walking are well known.',
    'Your parking permit expires in June.',
    'Enter your email address to sign up.',
    'The Request for Proposals closes on Friday.',
    'She is the Chief Human Capital Officer at the agency.',
    'The user interface has a dark mode.',
    'Use the search function at the top of the page.',
    'Please initial each page of the lease.',
    'A sharp implement is needed to cut the rope.',
    'Write "shall" only in rules that bind.',
    'There are three ways to apply.',
    'Pick the file type from the list.'
  ]

  it('get no wrong-sense suggestion, at most 2 in 20', async () => {
    const wrong: string[] = []
    for (const sentence of traps) {
      const findings = await wordy(sentence)
      if (findings.length > 0) wrong.push(`${sentence} → ${JSON.stringify(findings)}`)
    }
    console.info(`wrong-sense suggestions: ${wrong.length} of ${traps.length}${wrong.length > 0 ? `: ${wrong.join('; ')}` : ''}`)
    expect(wrong.length).toBeLessThanOrEqual(2)
  })

  it('are still reported where the sense fits', async () => {
    expect(await wordy('The new plan will address the backlog.')).toEqual([['address', 'discuss']])
    expect(await wordy('Please forward the letter to the clerk.')).toEqual([['forward', 'send']])
    expect(await wordy('The rules permit two guests per room.')).toEqual([['permit', 'let']])
    expect(await wordy('Staff monitor the river every hour.')).toEqual([['monitor', 'check']])
    expect(await wordy('It is important to note the date.')).toEqual([['It is', '']])
    expect(await wordy('The initial results look good.')).toEqual([['initial', 'first']])
    expect(await wordy('Our clerks interface with the courts daily.')).toEqual([['interface', 'meet']])
    // Terms a plain-language editor flags that the lists lacked.
    expect(await wordy('Going forward, we will meet weekly.')).toEqual([['Going forward', 'from now on']])
    expect(await wordy('Agencies leveraged shared tools.')).toEqual([['leveraged', 'used']])
    expect(await wordy('The town is going forward with the plan.')).toEqual([])
    // An adjective is no verb to replace; a phrase that starts with a preposition does not inflect.
    expect(await wordy('Each term comes with accompanying text.')).toEqual([])
    expect(await wordy('Staff will accompany the visitors.')).toEqual([['accompany', 'go with']])
    expect(await wordy('The notes hold more in references to other pages.')).toEqual([])
    expect(await wordy('We wrote in reference to the fee.')).toEqual([['in reference to', 'about']])
  })

  it('leave alone a noun sense, a set phrase and a label the sentence defines', async () => {
    expect(await wordy('Label every interface element on the form.')).toEqual([])
    expect(await wordy('Calls fell by half from the previous year.')).toEqual([])
    expect(await wordy('Deliverable: a short report for each county.')).toEqual([])
    expect(await wordy('Each deliverable is due in May.')).toEqual([['deliverable', 'result']])
  })

  it('leave alone a term whose suggestion the next words leave no grammar', async () => {
    expect(await wordy('The clinic provided us with a map.')).toEqual([])
    expect(await wordy('All of them came early.')).toEqual([])
    expect(await wordy('All of the staff came early.')).toEqual([['All of', 'all']])
    expect(await wordy('The county will provide a map to every home.')).toEqual([['provide', 'give']])
  })
})

describe('nameRuns', () => {
  const runsIn = (text: string) => {
    const article = parseArticle(text, 'text', undefined)
    return readSentences(hastToNlcst(article.tree, article.text, article.place)).flatMap((sentence) => nameRuns(sentence).map((run) => text.slice(run.start.offset, run.end.offset)))
  }

  it('are capitalised words joined by the small words of titles, two or more besides the first word', () => {
    expect(runsIn('Ask the Department of the Interior about the Authority to Operate.')).toEqual(['Department of the Interior', 'Authority to Operate'])
    // "and" joins as in "Health and Human Services": two names side by side are one run, which is the same for the checks.
    expect(runsIn('She met Maria Lopez and Sam Ortiz. She met Sam.')).toEqual(['Maria Lopez and Sam Ortiz'])
    // The first word of a sentence is capitalised by rule: "The EBITDA" is no name, "Request for Proposals" at the start neither.
    expect(runsIn('The EBITDA rose. Request for Proposals is open.')).toEqual([])
  })
})
