import {syllable} from 'syllable'
import cmu from './data/syllables.json' with {type: 'json'}

/** The CMU Pronouncing Dictionary's count of every word where it differs from the rule-based counter. */
const dictionary = new Map(Object.entries(cmu.counts))

/**
 * Syllables of a word as it is spoken, the way the readability formulas' authors count them (Flesch: "count the
 * syllables in symbols and figures according to the way they are normally read aloud"):
 *
 * - a word of the CMU Pronouncing Dictionary has the dictionary's count, any other the rule-based `syllable`;
 * - figures are read aloud: "1918" is nineteen eighteen (4), "2,000" two thousand (3), "3.5" three point five (3),
 *   "21st" twenty-first (3), "1990s" nineteen nineties (4);
 * - letters in capitals that the dictionary does not know are spelled: "GSA" is three, "W" three;
 * - a compound is the sum of its parts ("co-op", "24/7").
 */
export function syllablesOf(word: string): number {
  const lower = word.toLowerCase()
  const known = dictionary.get(lower)
  if (known !== undefined) return known
  const parts = word.split(/[-/–—:&]+/).filter((part) => part !== '')
  if (parts.length > 1) return parts.reduce((sum, part) => sum + syllablesOf(part), /&/.test(word) ? 1 : 0)
  if (/\d/.test(word)) return spokenFigure(word)
  if (/^(?:\p{Lu}\.?){2,}$/u.test(word) || /^\p{L}(?:\.\p{L})+\.?$/u.test(word)) return spelled(word)
  return syllable(lower)
}

function spelled(word: string): number {
  return [...word.replace(/\./g, '')].reduce((sum, letter) => sum + (/w/i.test(letter) ? 3 : 1), 0)
}

/** A figure with what stands around it ("v2", "21st", "1990s", "3.5"): digits read as a number, letters as a word. */
function spokenFigure(word: string): number {
  const match = /^(\D*?)([\d,]*\d)(?:\.(\d+))?(st|nd|rd|th|s)?(\D*)$/i.exec(word)
  if (!match) return [...word.matchAll(/\d+|\p{L}+/gu)].reduce((sum, [part]) => sum + (/\d/.test(part) ? cardinal(part) : syllablesOf(part)), 0)
  const [, before = '', whole = '', decimals, suffix, after = ''] = match
  let count = before === '' ? 0 : syllablesOf(before)
  const digits = whole.replace(/,/g, '')
  count += isYear(whole) ? year(digits) : cardinal(digits)
  if (decimals !== undefined) count += 1 + [...decimals].reduce((sum, digit) => sum + cardinal(digit), 0)
  // Ordinals add a syllable where the spoken form grows: second (two), twentieth (twenty).
  if (suffix && /^(?:st|nd|rd|th)$/i.test(suffix) && (/2$/.test(digits) && !/12$/.test(digits) ? true : /[2-9]0$/.test(digits))) count++
  return count + (after === '' ? 0 : syllablesOf(after))
}

const ONES = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2] // zero … nineteen
const TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2] // twenty … ninety
const HUNDRED = 2
/** thousand, million, billion, trillion: two syllables each. */
const SCALE = 2

/** Syllables of a whole number read as a cardinal ("two thousand and five" without the "and"). */
export function cardinal(digits: string): number {
  // Leading zeros and very long runs (codes, phone numbers) are read digit by digit.
  if ((digits.length > 1 && digits.startsWith('0')) || digits.length > 15) return [...digits].reduce((sum, digit) => sum + (ONES[Number(digit)] ?? 1), 0)
  let value = Number(digits)
  if (value === 0) return ONES[0] as number
  let count = 0
  let scale = 0
  while (value > 0) {
    const group = value % 1000
    if (group > 0) count += belowThousand(group) + (scale > 0 ? SCALE : 0)
    value = Math.floor(value / 1000)
    scale++
  }
  return count
}

function belowThousand(value: number): number {
  const hundreds = Math.floor(value / 100)
  const rest = value % 100
  let count = hundreds > 0 ? (ONES[hundreds] as number) + HUNDRED : 0
  if (rest > 0 && rest < 20) count += ONES[rest] as number
  else if (rest >= 20) count += (TENS[Math.floor(rest / 10)] as number) + (rest % 10 > 0 ? (ONES[rest % 10] as number) : 0)
  return count
}

/** Four digits from 1100 to 2099 without a thousands comma read as a year: 1918 nineteen eighteen, 2024 twenty twenty-four. */
function isYear(written: string): boolean {
  if (!/^\d{4}$/.test(written)) return false
  const value = Number(written)
  return value >= 1100 && value < 2100 && !(value >= 2000 && value < 2010)
}

function year(digits: string): number {
  const high = Number(digits.slice(0, 2))
  const low = Number(digits.slice(2))
  // 1900 nineteen hundred, 1905 nineteen oh five.
  if (low === 0) return cardinal(String(high)) + HUNDRED
  return cardinal(String(high)) + (low < 10 ? 1 + (ONES[low] as number) : cardinal(String(low)))
}
