import {readFileSync} from 'node:fs'
import {buildOrganizations} from '../../scripts/organizations.ts'
import {describe, expect, it} from 'vitest'
import {acronymKey} from '../../src/prose/acronyms.ts'
import {labelledRows, proseOf, score} from '../helpers.ts'

describe('acronymKey', () => {
  it.each([
    ['ISIS', 'ISIS'],
    ['U.N.', 'UN'],
    ['NGOs', 'NGO'],
    ['WHO’s', 'WHO'],
    ['AT&T', 'AT&T'],
    ['G7', 'G7'],
    ['Maj.', undefined],
    ['I', undefined],
    ['Kyle', undefined]
  ])('%s → %s', (word, key) => {
    expect(acronymKey(word)).toBe(key)
  })
})

describe('undefined acronyms on acronyms/labelled.tsv', () => {
  it('are flagged at their first undefined use with precision and recall of at least 0.9', async () => {
    const rows = await Promise.all(
      labelledRows('acronyms/labelled.tsv').map(async ([expected, article]) => {
        const prose = await proseOf(article ?? '')
        const predicted = prose.findings.filter((finding) => finding.ruleId === 'undefined-acronym').map((finding) => acronymKey(finding.excerpt) ?? finding.excerpt)
        return {expected: expected === '-' ? [] : (expected ?? '').split(' | ').map((word) => acronymKey(word) ?? word), predicted}
      })
    )
    const result = score(rows)
    console.info(`acronyms: ${rows.length} articles, precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`)
    expect(result.precision).toBeGreaterThanOrEqual(0.9)
    expect(result.recall).toBeGreaterThanOrEqual(0.9)
  })
})

// Which uses are flagged, and where, is in test/rules/fixtures/undefined-acronym*.txt.
describe('undefined-acronym findings', () => {
  it('say how to define the acronym, at its first use only, and map to WCAG 3.1.4', async () => {
    const text = 'The RNLI crew launched at dawn.\n\nLater the RNLI said the boat was safe.'
    const prose = await proseOf(text)
    const found = prose.findings.filter((finding) => finding.ruleId === 'undefined-acronym')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      excerpt: 'RNLI',
      location: {start: {line: 1, column: 5, offset: 4}, end: {line: 1, column: 9, offset: 8}},
      wcag: ['3.1.4'],
      message: 'Spell out “RNLI” the first time it is used, as “Full Name (RNLI)”.'
    })
  })
})

describe('words in capitals that need no definition, and definitions in more places', () => {
  const undefinedIn = async (text: string) => (await proseOf(text)).findings.filter((finding) => finding.ruleId === 'undefined-acronym').map((finding) => finding.excerpt)

  it('leaves units, state codes after a place, everyday words in capitals, and Roman numerals alone', async () => {
    expect(await undefinedIn('The form is a 693 KB file. The guide (PDF, 5 MB) is longer.')).toEqual([])
    expect(await undefinedIn('The office moved to Chester County, PA last year.')).toEqual([])
    expect(await undefinedIn('SECTION 2. PURPOSE of the rule is to help readers.')).toEqual([])
    expect(await undefinedIn('Title III of the act covers grants.')).toEqual([])
    // A state code without a place before it is an acronym like any other.
    expect(await undefinedIn('PA rules apply to every grant.')).toEqual(['PA'])
  })

  it('leaves short words in capitals, plurals of everyday words, placeholders, file types and lists of state codes alone', async () => {
    expect(await undefinedIn('Here is our TOP 10 list of tips.')).toEqual([])
    expect(await undefinedIn('We are talking about YOU, the readers.')).toEqual([])
    expect(await undefinedIn('SEC. 3. DEFINITIONS follow below.')).toEqual([])
    expect(await undefinedIn('Save the file as report-YYYY.txt or name it YYYY yourself.')).toEqual([])
    expect(await undefinedIn('Fill in the form (.DOC template) and send it.')).toEqual([])
    expect(await undefinedIn('The top states were VA, DE, NJ and NH.')).toEqual([])
    // Before a capitalised word in running text a short word in capitals starts a name, and a lone code is an acronym.
    expect(await undefinedIn('Seven TOP Health teams shipped tools.')).toEqual(['TOP'])
    expect(await undefinedIn('The CARE Act funds clinics.')).toEqual(['CARE'])
    expect(await undefinedIn('The PAM group and the CTM group met.')).toEqual(['PAM', 'CTM'])
  })

  it('needs no definition for a firm or body most readers know by name, from compromise’s lexicon', async () => {
    expect(await undefinedIn('She worked at ING and then at AOL before she joined the OPM team.')).toEqual(['OPM'])
  })

  it('reads its list of organisations from src/prose/data/organizations.json as scripts/organizations.ts builds it (run `npm run organizations` after an update)', () => {
    expect(buildOrganizations()).toEqual(JSON.parse(readFileSync(new URL('../../src/prose/data/organizations.json', import.meta.url), 'utf8')))
  })

  it('takes a full name in lower case in the same sentence or the one before, in apposition, and names joined by a slash', async () => {
    expect(await undefinedIn('We ran public service announcements on the radio, and the PSAs worked.')).toEqual([])
    expect(await undefinedIn('The village started a neighbourhood watch scheme. Members of the NWS meet monthly.')).toEqual([])
    expect(await undefinedIn('The Web Experience Toolkit, or WET, is free to use.')).toEqual([])
    expect(await undefinedIn('Call the Text Telephone / Telecommunications Device for the Deaf (TTY/TDD) line.')).toEqual([])
    expect(await undefinedIn('Small-quantity handlers of universal wastes file a form. Each SQHUW pays a fee.')).toEqual([])
    expect(await undefinedIn('The Department of Transportation sets the rules. DOT staff check them.')).toEqual([])
    expect(await undefinedIn('The U.S. Patent and Trademark Office runs the site. The USPTO posts data.')).toEqual([])
  })

  it('takes a full name after the acronym: after “, or”, a dash or a colon, word by word or item by item', async () => {
    expect(await undefinedIn('Ask about the WET, or Web Experience Toolkit, before you start.')).toEqual([])
    expect(await undefinedIn('Our HRT stands for home repair team and it visits weekly.')).toEqual([])
    expect(await undefinedIn('The FLOW model — feed, lift, oil, wash — keeps a mill running.')).toEqual([])
    expect(await undefinedIn('They built a BRIC kit: bolts, rope, ink and cards.')).toEqual([])
    // A name after the acronym must spell it from its first letter, after a lead-in that says a name follows.
    expect(await undefinedIn('The BRIC kit is big: rope, ink and cards.')).toEqual(['BRIC'])
    expect(await undefinedIn('The HRT is a home repair team.')).toEqual(['HRT'])
  })

  it('takes the capitals of a word in camel case as its initials', async () => {
    expect(await undefinedIn('The page uses JavaScript for its menus. Without JS the menus stay open.')).toEqual([])
    expect(await undefinedIn('The page uses Javascript for its menus. Without JS the menus stay open.')).toEqual(['JS'])
  })

  it('does not take chance initials of lower-case words far away as a definition', async () => {
    const far = 'Good service always applies. '.repeat(3)
    expect(await undefinedIn(`${far}We asked for help. Staff at GSA answered.`)).toEqual(['GSA'])
  })
})
