import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Element, Root as HastRoot} from 'hast'
import type {Definition, Image, ImageReference, Root as MdastRoot} from 'mdast'
import rehypeParse from 'rehype-parse'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
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

interface PackedFile {
  path: string
}

/** What `npm pack` would put in the tarball, from a dry run (scripts off: dist/ is the global setup's). */
function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
  const [pack] = JSON.parse(output) as Array<{files: PackedFile[]}>
  if (!pack) throw new Error('npm pack --dry-run --json described no package')
  return pack.files.map((file) => file.path)
}

/** Every image README.md shows: Markdown images (inline and by reference) and `src`/`srcset` of its raw HTML, not code. */
function readmeImages(): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(join(root, 'README.md'), 'utf8')) as MdastRoot
  const definitions = new Map<string, string>()
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier, node.url)
  })
  const images: string[] = []
  visit(tree, (node) => {
    if (node.type === 'image') images.push((node as Image).url)
    if (node.type === 'imageReference') images.push(definitions.get((node as ImageReference).identifier) ?? `[missing definition ${(node as ImageReference).identifier}]`)
    if (node.type === 'html') {
      const html = unified().use(rehypeParse, {fragment: true}).parse((node as {value: string}).value) as HastRoot
      visit(html, 'element', (element: Element) => {
        if (element.tagName !== 'img' && element.tagName !== 'source') return
        const {src, srcSet} = element.properties
        if (typeof src === 'string') images.push(src)
        const candidates = Array.isArray(srcSet) ? srcSet.join(',') : typeof srcSet === 'string' ? srcSet : ''
        for (const candidate of candidates.split(',')) if (candidate.trim() !== '') images.push(candidate.trim().split(/\s+/)[0] ?? '')
      })
    }
  })
  return images
}

describe('what npm publishes', () => {
  it('has the registry metadata: repository, homepage, bugs and keywords', () => {
    const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))
    if (!tarball) throw new Error('npm pack made no tarball')
    // The package.json inside the tarball, as the registry will read it.
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', join(project, tarball), 'package/package.json'], {encoding: 'utf8'})) as Record<string, unknown>
    expect(manifest['repository']).toEqual({type: 'git', url: 'git+https://github.com/faircopy/faircopy.git'})
    expect(manifest['homepage']).toBe('https://github.com/faircopy/faircopy#readme')
    expect(manifest['bugs']).toEqual({url: 'https://github.com/faircopy/faircopy/issues'})
    expect(manifest['keywords']).toEqual(expect.arrayContaining(['readability', 'accessibility', 'axe-core', 'retext', 'markdown', 'lint', 'a11y', 'plain-language', 'wcag']))
  })

  it('lists the built code, its types, the bin, the schemas, README and LICENSE, and no sources or tests', () => {
    const files = packedFiles()
    const schemas = readdirSync(join(root, 'schema')).map((name) => `schema/${name}`)
    expect(schemas.length).toBeGreaterThan(0)
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/cli/bin.js', 'README.md', 'LICENSE', 'package.json', ...schemas]))
    expect(files.filter((file) => /^(?:src|test)\//.test(file))).toEqual([])
  })

  it('shows only images in README.md that the npm page can load: https URLs or files in the tarball', () => {
    const files = new Set(packedFiles())
    const images = readmeImages()
    expect(images.length).toBeGreaterThan(0)
    // npm renders the README from the tarball: a relative image that is not in it is a broken image on npmjs.com.
    const broken = images.filter((url) => !/^https:\/\//i.test(url) && !files.has(url.replace(/^\.\//, '').replace(/[?#].*$/, '')))
    expect(broken).toEqual([])
  })
})
