import {describe, expect, it} from 'vitest'
import {detectFormat, isHtmlDocument} from '../../src/input/format.ts'
import {audit, placesOf} from '../helpers.ts'

describe('detectFormat', () => {
  it.each([
    ['post.md', 'text', 'markdown'],
    ['post.MARKDOWN', 'text', 'markdown'],
    ['page.html', 'text', 'html'],
    ['page.htm', 'text', 'html'],
    ['notes.txt', '# heading', 'text'],
    ['draft', '<!DOCTYPE html><p>x</p>', 'html'],
    ['draft', '<!-- note -->\n<html><body>x</body></html>', 'html'],
    ['draft', '# A heading', 'markdown'],
    [undefined, 'Plain words.', 'markdown']
  ] as const)('%s holding %j is %s', (path, text, format) => {
    expect(detectFormat(path, text)).toBe(format)
  })

  it('tells a whole HTML document from a fragment', () => {
    expect(isHtmlDocument('<!doctype html><title>x</title>')).toBe(true)
    expect(isHtmlDocument('<head><title>x</title></head>')).toBe(true)
    expect(isHtmlDocument('<p>Only a paragraph.</p>')).toBe(false)
  })
})

describe('Markdown', () => {
  it('is GitHub-flavoured: a raw image in a table cell is found at its place, struck-out words are not prose', async () => {
    const source = ['# Tides', '', '| Port | Chart |', '| ---- | ----- |', '| Ely  | <img src="ely.png"> |', '', 'Text ~~struck out words~~ and more.', ''].join('\n')
    const report = await audit(source, {format: 'markdown'})
    expect(placesOf(report, 'image-alt')).toEqual(['5:10'])
    // Text, and, more from the paragraph; the table's one-word cells are labels, not sentences, for readability.
    expect(report.readability.words).toBe(3)
  })

  it('does not read front matter, fenced code or inline code as prose', async () => {
    const source = ['---', 'title: The committee was informed prior to the vote', '---', '', '# Notes', '', '```', 'It was written prior to the change.', '```', '', 'Run `utilize --now` today.', ''].join('\n')
    const report = await audit(source, {format: 'markdown'})
    expect(report.findings.filter((finding) => finding.category !== 'accessibility')).toEqual([])
    expect(report.readability.words).toBe(2)
    expect(report.source.title).toBe('The committee was informed prior to the vote')
  })

  it('audits broken raw HTML whose text has a start and no end, and places its words', async () => {
    const source = 'Intro line here.\n\n<p <b onclick=x>The old crane was broken by the storm.\n'
    const report = await audit(source, {format: 'markdown'})
    expect(placesOf(report, 'passive-voice')).toEqual(['3:31'])
    const passive = report.findings.find((finding) => finding.ruleId === 'passive-voice')
    expect(source.slice(passive?.location.start.offset, passive?.location.end.offset)).toBe('was broken')
  })
})
