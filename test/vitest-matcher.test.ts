import {spawnSync} from 'node:child_process'
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'
import {beforeAll, describe, expect, it, onTestFinished} from 'vitest'
import {audit, type AuditReport} from '../src/index.ts'
import {faircopyMatchers, toPassAudit, type PassAuditOptions} from '../src/vitest.ts'

expect.extend({toPassAudit})

let clean: AuditReport
let noAlt: AuditReport
let headings: AuditReport
let passive: AuditReport
let hard: AuditReport
let mixed: AuditReport

beforeAll(async () => {
  ;[clean, noAlt, headings, passive, hard, mixed] = await Promise.all([
    audit('# Tides\n\nThe tide turns twice a day.\n', {format: 'markdown'}),
    audit('# Tides\n\n<img src="a.png">\n', {format: 'markdown'}),
    audit('# Tides\n\n### Spring tides\n\nThe tide turns twice a day.\n', {format: 'markdown', path: 'posts/tides.md'}),
    audit('# Tides\n\nThe harbour was closed by the council. The boats were moved by the crew. The tide turns twice a day.\n', {
      format: 'markdown'
    }),
    audit(
      '# Tides\n\nNotwithstanding considerable institutional documentation, the municipal administration characteristically underestimates environmental variability affecting navigational infrastructure in the harbour and its surrounding coastal districts.\n',
      {format: 'markdown', path: 'posts/hard.md'}
    ),
    audit('# Tides\n\n### Spring tides\n\n<img src="a.png">\n', {format: 'markdown', path: 'posts/mixed.md'})
  ])
})

/** The failure text the matcher would show, called directly as Vitest calls it. */
function failure(report: AuditReport, options?: PassAuditOptions): string {
  const result = toPassAudit(report, options)
  expect(result.pass).toBe(false)
  return result.message()
}

describe('expect(report).toPassAudit()', () => {
  it('passes a clean article and fails one with an accessibility error', () => {
    expect(clean.findings).toEqual([])
    expect(clean).toPassAudit()
    expect(noAlt).not.toPassAudit()
    const message = 'the article does not pass the faircopy audit:\n  3:1  error  Images must have alternative text.  (image-alt)'
    expect(() => expect(noAlt).toPassAudit()).toThrowError(message)
    expect(failure(noAlt)).toBe(message)
  })

  it('names the file and prefixes each place with its path', () => {
    expect(failure(mixed)).toBe('posts/mixed.md does not pass the faircopy audit:\n  posts/mixed.md:5:1  error  Images must have alternative text.  (image-alt)')
  })

  it('says the audit unexpectedly passed under .not', () => {
    const message = 'expected the article to fail the faircopy audit, but it passed: no finding at error or above counts'
    expect(() => expect(clean).not.toPassAudit()).toThrowError(message)
    expect(toPassAudit(clean).message()).toBe(message)
    expect(() => expect(clean).not.toPassAudit({failOn: 'info', maxGrade: 9, maxPassivePercent: 0})).toThrowError(
      `expected the article to fail the faircopy audit, but it passed: no finding at info or above counts, reading grade ${clean.readability.gradeLevel} is at most 9, passive voice share 0% is at most 0%`
    )
  })

  it('fails on warnings with failOn: warning', () => {
    expect(headings.findings.map((finding) => finding.severity)).toEqual(['warning'])
    expect(headings).toPassAudit()
    expect(headings).not.toPassAudit({failOn: 'warning'})
    expect(failure(headings, {failOn: 'warning'})).toBe(
      'posts/tides.md does not pass the faircopy audit:\n  posts/tides.md:3:1  warning  Heading levels should only increase by one.  (heading-order)'
    )
  })

  it('fails on every finding with failOn: info, listed in source order', () => {
    expect(passive).toPassAudit({failOn: 'warning'})
    const message = [
      'the article does not pass the faircopy audit:',
      '  3:13  info  “was closed” is passive voice: start with who acted, “the council”.  (passive-voice)',
      '  3:50  info  “were moved” is passive voice: start with who acted, “the crew”.  (passive-voice)'
    ].join('\n')
    expect(failure(passive, {failOn: 'info'})).toBe(message)
    expect(failure({...passive, findings: passive.findings.toReversed()}, {failOn: 'info'})).toBe(message)
  })

  it('fails when the consensus grade is above maxGrade', () => {
    const grade = hard.readability.gradeLevel
    expect(grade).toBeGreaterThan(20)
    expect(hard).toPassAudit()
    expect(hard).not.toPassAudit({maxGrade: 12})
    expect(failure(hard, {maxGrade: 12})).toBe(`posts/hard.md does not pass the faircopy audit:\n  reading grade ${grade} is above the maximum of 12`)
    expect(clean).toPassAudit({maxGrade: 9})
    expect(hard).toPassAudit({maxGrade: grade})
  })

  it('lists findings first, then the grade', () => {
    const lines = failure(hard, {failOn: 'warning', maxGrade: 12}).split('\n')
    expect(lines[0]).toBe('posts/hard.md does not pass the faircopy audit:')
    expect(lines.slice(1, -1).map((line) => /\((?<rule>[a-z-]+)\)$/.exec(line)?.groups?.['rule'])).toEqual(['reading-level', 'very-hard-sentence'])
    expect(lines.at(-1)).toBe(`  reading grade ${hard.readability.gradeLevel} is above the maximum of 12`)
  })

  it('fails when the passive share is above maxPassivePercent', () => {
    expect(passive.passiveVoice.percent).toBe(66.7)
    expect(passive).toPassAudit({maxPassivePercent: 70})
    expect(clean).toPassAudit({maxPassivePercent: 0})
    // The gate's own words: the matcher calls faircopy's gate.
    expect(failure(passive, {maxPassivePercent: 50})).toBe('the article does not pass the faircopy audit:\n  passive voice in 66.7% of sentences is above the maximum of 50%')
  })

  it('counts only the rules given, and never the rules ignored', () => {
    expect(mixed).not.toPassAudit()
    expect(mixed).toPassAudit({ignore: ['image-alt']})
    expect(mixed).toPassAudit({rules: ['heading-order']})
    expect(mixed).toPassAudit({rules: ['link-name'], failOn: 'info'})
    expect(mixed).toPassAudit({rules: [], failOn: 'info'})
    expect(mixed).toPassAudit({rules: ['image-alt'], ignore: ['image-alt']})
    expect(failure(mixed, {failOn: 'warning', ignore: ['image-alt']})).toBe(
      'posts/mixed.md does not pass the faircopy audit:\n  posts/mixed.md:3:1  warning  Heading levels should only increase by one.  (heading-order)'
    )
    expect(failure(mixed, {failOn: 'warning', rules: ['image-alt', 'heading-order']})).toBe(
      [
        'posts/mixed.md does not pass the faircopy audit:',
        '  posts/mixed.md:3:1  warning  Heading levels should only increase by one.  (heading-order)',
        '  posts/mixed.md:5:1  error  Images must have alternative text.  (image-alt)'
      ].join('\n')
    )
  })

  it('refuses what is not a report, and options it does not know', async () => {
    const pending = audit('Text.')
    expect(() => expect(pending).toPassAudit()).toThrowError('received a promise: await audit() or auditFile() first')
    expect(() => expect(pending).not.toPassAudit()).toThrowError(TypeError)
    expect(() => expect({findings: []}).toPassAudit()).toThrowError("toPassAudit expects an AuditReport from faircopy's audit() or auditFile(), but received object.")
    // @ts-expect-error: never is an audit option, not a matcher option
    expect(() => expect(clean).toPassAudit({failOn: 'never'})).toThrowError(`failOn must be 'error', 'warning' or 'info', not "never".`)
    // @ts-expect-error: misspelt
    expect(() => expect(clean).toPassAudit({maxgrade: 1})).toThrowError('unknown option maxgrade')
    // @ts-expect-error: a string is not a number
    expect(() => expect(clean).toPassAudit({maxGrade: '9'})).toThrowError('maxGrade must be a number, not "9".')
    // @ts-expect-error: rule ids go in an array
    expect(() => expect(clean).toPassAudit({ignore: 'image-alt'})).toThrowError('ignore must be an array of rule ids, not "image-alt".')
    await pending
  })

  it('registers through faircopyMatchers, and works as an asymmetric matcher', () => {
    expect(faircopyMatchers).toEqual({toPassAudit})
    expect.extend(faircopyMatchers)
    expect({article: clean}).toEqual({article: expect.toPassAudit({maxGrade: 9})})
    expect({article: noAlt}).not.toEqual({article: expect.toPassAudit()})
  })
})

describe('faircopy/vitest', () => {
  const source = readFileSync(new URL('../src/vitest.ts', import.meta.url), 'utf8')

  function scratch(prefix: string): string {
    const directory = mkdtempSync(join(tmpdir(), prefix))
    onTestFinished(() => rmSync(directory, {recursive: true, force: true}))
    return directory
  }

  it('loads where vitest is not installed: the built module imports vitest for types only', () => {
    // The built package, copied where no node_modules can be found: what faircopy/vitest imports must be its own files.
    const directory = scratch('faircopy-vitest-')
    cpSync(fileURLToPath(new URL('../dist', import.meta.url)), join(directory, 'dist'), {recursive: true})
    writeFileSync(join(directory, 'package.json'), '{"type": "module"}')
    const script = `const m = await import('./dist/vitest.js'); console.log(Object.keys(m).sort().join(' '), Object.keys(m.faircopyMatchers).join(' '))`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: directory, encoding: 'utf8'})
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('faircopyMatchers toPassAudit toPassAudit\n')
  })

  it('type-checks expect(report).toPassAudit() in a suite through its declaration file, whatever the import order', () => {
    const declaration = ts.transpileDeclaration(source, {compilerOptions: {module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2022}})
    expect(declaration.diagnostics ?? []).toEqual([])
    const directory = scratch('faircopy-vitest-types-')
    symlinkSync(fileURLToPath(new URL('../node_modules', import.meta.url)), join(directory, 'node_modules'), 'dir')
    writeFileSync(join(directory, 'package.json'), '{"type": "module"}')
    writeFileSync(join(directory, 'vitest.d.ts'), declaration.outputText)
    const suite = [
      `import {faircopyMatchers, type PassAuditOptions} from './vitest.js'`,
      `import {expect} from 'vitest'`,
      `expect.extend(faircopyMatchers)`,
      `const options: PassAuditOptions = {failOn: 'warning', maxGrade: 9, maxPassivePercent: 20, rules: ['image-alt'], ignore: undefined}`,
      `expect({}).toPassAudit(options)`,
      `expect({}).not.toPassAudit()`,
      `await expect(Promise.resolve({})).resolves.toPassAudit({failOn: 'info'})`,
      `expect({}).toEqual(expect.toPassAudit())`,
      `// @ts-expect-error: a grade is a number`,
      `expect({}).toPassAudit({maxGrade: '9'})`
    ]
    writeFileSync(join(directory, 'suite.ts'), `${suite.join('\n')}\n`)
    const program = ts.createProgram([join(directory, 'suite.ts')], {
      strict: true,
      exactOptionalPropertyTypes: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      skipLibCheck: true,
      noEmit: true,
      types: []
    })
    expect(ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([])
  })
})
