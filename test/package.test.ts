import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const project = mkdtempSync(join(tmpdir(), 'faircopy-consumer-'))

// Packs faircopy as npm would publish it and installs the tarball into an empty project.
beforeAll(() => {
  // dist/ is built by the global setup; packing must not rebuild it under the other tests' feet.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', project, '--silent'], {cwd: root, stdio: 'pipe'})
  const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))
  if (!tarball) throw new Error('npm pack made no tarball')
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], {cwd: project, stdio: 'pipe'})
  writeFileSync(join(project, 'draft.md'), '# Pier notes\n\nThe pier was broken by the storm.\n\n<img src="pier.png">\n')
}, 300_000)

describe('the packed package, installed in an empty project', () => {
  it('imports and audits', () => {
    const script = `
      import {auditFile, FaircopyError, toHtml} from 'faircopy'
      import {toPassAudit} from 'faircopy/vitest'
      const report = await auditFile('draft.md')
      const verdict = toPassAudit(report)
      console.log(JSON.stringify({format: report.source.format, rules: report.findings.map((f) => f.ruleId + '@' + f.location.start.line), error: typeof FaircopyError, passes: verdict.pass, html: toHtml(report, (await import('node:fs')).readFileSync('draft.md', 'utf8')).includes('data-rule="passive-voice"')}))
    `
    const output = execFileSync('node', ['--input-type=module', '-e', script], {cwd: project, encoding: 'utf8'})
    expect(JSON.parse(output)).toEqual({format: 'markdown', rules: ['passive-voice@3', 'image-alt@5'], error: 'function', passes: false, html: true})
  })

  // Chromium is Debian's; CI installs it, and without it the installed package must say how to get one.
  it('audits with the chromium engine, whose driver it brings along', () => {
    const bin = join(project, 'node_modules', '.bin', 'faircopy')
    const run = spawnSync(bin, ['--reporter', 'json', '--engine', 'chromium', 'draft.md'], {cwd: project, encoding: 'utf8'})
    if (existsSync('/usr/bin/chromium')) {
      expect(run.status).toBe(1)
      const report = (JSON.parse(run.stdout) as {files: Array<{accessibility: {engine: string}; findings: Array<{ruleId: string}>}>}).files[0]
      expect(report?.accessibility.engine).toBe('chromium')
      expect(report?.findings.map((finding) => finding.ruleId)).toContain('image-alt')
    } else {
      if (process.env['CI']) throw new Error('Chromium is missing at /usr/bin/chromium: .ci/run installs it.')
      expect(run.status).toBe(2)
      expect(run.stdout).toContain('E_ENGINE_UNAVAILABLE')
    }
  })

  it('runs its bin with the documented exit codes', () => {
    const bin = join(project, 'node_modules', '.bin', 'faircopy')
    const failing = spawnSync(bin, ['--reporter', 'json', 'draft.md'], {cwd: project, encoding: 'utf8'})
    expect(failing.status).toBe(1)
    expect(JSON.parse(failing.stdout)).toMatchObject({schemaVersion: 1, summary: {files: 1, passed: false, errors: 1}})
    const missing = spawnSync(bin, ['missing.md'], {cwd: project, encoding: 'utf8'})
    expect(missing.status).toBe(2)
    expect(missing.stdout).toContain('missing.md does not exist.')
    expect(spawnSync(bin, ['--version'], {cwd: project, encoding: 'utf8'}).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('ships its types and the report schema', () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import {audit, type AuditReport, type Finding} from 'faircopy'\nconst report: AuditReport = await audit('Text.')\nconst first: Finding | undefined = report.findings[0]\nconst grade: number = report.readability.gradeLevel\nexport {first, grade}\n`
    )
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    const typecheck = spawnSync('node', [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'consumer.ts'], {cwd: project, encoding: 'utf8'})
    expect(typecheck.stdout + typecheck.stderr).toBe('')
    expect(typecheck.status).toBe(0)
    const schema = execFileSync('node', ['--input-type=module', '-e', `import s from 'faircopy/schema/audit-report.schema.json' with {type: 'json'}; console.log(s.title)`], {cwd: project, encoding: 'utf8'})
    expect(schema.trim()).toBe('faircopy AuditReport')
  })
})
