import {describe, expect, it} from 'vitest'
import {acronymScore, hardScore, judgedRules, judgedScore, judgedTable, passiveScore, table, termScore, type Score} from '../labelled/evaluate.ts'
import {hasReal} from '../labelled/real.ts'

// Precision and recall on the project's labelled sets over ../shared/corpus/real (test/fixtures/real-labels), both
// halves: the development half was looked at while tuning, the holdout half never was. The floors are below the
// figures the README reports, so that a change that makes a check worse on real prose fails here.
const floors: Readonly<Record<string, {precision: number; recall: number}>> = {
  // Terms in quotations and examples of writing to avoid are labelled by sense but left alone by design.
  terms: {precision: 0.8, recall: 0.7},
  'terms-own': {precision: 0.8, recall: 0.95},
  passive: {precision: 0.8, recall: 0.85},
  'passive-be': {precision: 0.85, recall: 0.9},
  acronyms: {precision: 0.6, recall: 0.8},
  hard: {precision: 0.85, recall: 0.84}
}

if (hasReal) {
  describe('the prose checks on labelled real prose', () => {
    it('hold their precision and recall on the development and the holdout half', {timeout: 300_000}, async () => {
      const scores: Array<[string, Score]> = []
      for (const half of ['dev', 'holdout'] as const) {
        scores.push(['terms', await termScore(half)], ['terms-own', await termScore(half, true)], ['passive', await passiveScore(half)], ['passive-be', await passiveScore(half, true)], ['acronyms', await acronymScore(half)], ['hard', await hardScore(half)])
      }
      console.info(`accuracy on labelled real prose:\n${table(scores.map(([, score]) => score))}`)
      for (const [name, score] of scores) {
        const floor = floors[name] as {precision: number; recall: number}
        expect(score.precision, `${score.set} (${score.half}) precision`).toBeGreaterThanOrEqual(floor.precision)
        expect(score.recall, `${score.set} (${score.half}) recall`).toBeGreaterThanOrEqual(floor.recall)
      }
    })

    it('keep every hand-judged sample of findings pointing at its text, judged, and passive voice right on it', {timeout: 300_000}, async () => {
      const rules = judgedRules()
      expect(rules).toEqual(expect.arrayContaining(['passive-voice', 'plain-language', 'jargon', 'hard-sentence', 'very-hard-sentence', 'uncommon-word', 'undefined-acronym', 'all-caps']))
      const scores = []
      for (const rule of rules) scores.push(await judgedScore(rule))
      console.info(`hand-judged random samples of findings:\n${judgedTable(scores)}`)
      const passive = scores.find((score) => score.rule === 'passive-voice')
      expect(passive && passive.stillRight / passive.stillReported).toBeGreaterThanOrEqual(0.9)
      // Off by default, so no finding of the sample is reported by a default run.
      expect(scores.find((score) => score.rule === 'uncommon-word')?.stillReported).toBe(0)
    })
  })
} else {
  describe('the prose checks on labelled real prose', () => {
    it.skip('need ../shared/corpus/real, which is not here: the labelled sets point into it', () => {})
  })
}
