import {createHash} from 'node:crypto'

/**
 * The report's own stylesheet: light and dark themes from `prefers-color-scheme`, print styles, and for every
 * highlight kind a colour *and* a line style, so no meaning rests on colour alone. Colours were chosen for a
 * contrast of at least 4.5:1 of text on every fill, in both themes (the browser test measures it).
 */
export const css = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1f; --muted: #4a4a55; --card: #f4f5f7; --border: #c4c7cf; --accent: #0b57d0;
  --tip-bg: #1b1b1f; --tip-fg: #ffffff;
  --error: #a1001a; --warning: #785a00; --info: #0a4a86; --pass: #16652f;
  --hard: #fff4c2; --hard-line: #7a5c00; --very-hard: #ffdcdc; --very-hard-line: #a1001a;
  --passive: #dcf3e3; --passive-line: #16652f; --plain: #eee3fb; --plain-line: #5a2a99;
  --jargon: #dbeafc; --jargon-line: #0a4a86; --acronym: #cdf3ef; --acronym-line: #00625a;
  --uncommon-line: #55555f; --style: #ececec; --style-line: #44444c; --a11y: #b3261e;
  --band-ok: #dcf3e3; --band-above: #fff4c2; --band-hard: #ffdcb8; --band-very-hard: #ffcfcf;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171c; --fg: #ececf1; --muted: #b4b7c2; --card: #1f2229; --border: #4a4f5c; --accent: #8ab4f8;
    --tip-bg: #ececf1; --tip-fg: #15171c;
    --error: #ff9aa5; --warning: #f2cc4d; --info: #8fc3ff; --pass: #7fd99a;
    --hard: #4b3d00; --hard-line: #f2cc4d; --very-hard: #5c1620; --very-hard-line: #ff9aa5;
    --passive: #143d22; --passive-line: #7fd99a; --plain: #35215a; --plain-line: #c9a6ff;
    --jargon: #12365c; --jargon-line: #8fc3ff; --acronym: #0e3d3a; --acronym-line: #6ee0d4;
    --uncommon-line: #b4b7c2; --style: #33363d; --style-line: #c4c7cf; --a11y: #ff8a80;
    --band-ok: #143d22; --band-above: #4b3d00; --band-hard: #5a3208; --band-very-hard: #5c1620;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 62rem; padding: 1rem 1.25rem 3rem; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: -999rem; }
.skip-link:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem 1rem; z-index: 20; }
.page-header { margin-bottom: 1.5rem; }
.page-header p { color: var(--muted); }
h1 { font-size: 1.75rem; margin: .5rem 0; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .5rem; border-top: 4px solid var(--border); padding-top: 1rem; }
h3 { font-size: 1.15rem; margin: 2rem 0 .75rem; }
.path { display: block; font-size: .95rem; font-weight: normal; color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.toc ol { padding-left: 1.5rem; }
.verdict { font-weight: bold; }
.verdict.passed { color: var(--pass); }
.verdict.failed { color: var(--error); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem; margin: 0; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: .5rem; padding: .75rem; }
.card dt { font-size: .85rem; color: var(--muted); }
.card dd { margin: .25rem 0 0; font-size: 1.25rem; font-weight: 600; }
.card dd small { display: block; font-size: .8rem; font-weight: normal; color: var(--muted); }
.card.wide { grid-column: 1 / -1; }
.gauge { position: relative; height: .75rem; margin-top: .5rem; border-radius: .375rem; background: var(--bg); border: 1px solid var(--border); overflow: hidden; }
.gauge-fill { position: absolute; inset: 0 auto 0 0; background: var(--passive-line); }
.gauge.over .gauge-fill { background: var(--very-hard-line); background-image: repeating-linear-gradient(45deg, transparent 0 4px, rgba(0,0,0,.25) 4px 6px); }
.gauge-target { position: absolute; top: -2px; bottom: -2px; width: 3px; background: var(--fg); }
.failures { margin: .25rem 0 0; padding-left: 1.25rem; font-size: .9rem; font-weight: normal; }
.impacts { display: flex; gap: .75rem; flex-wrap: wrap; font-size: 1rem; }
.strip { display: flex; gap: 2px; list-style: none; padding: 0; margin: 0 0 .5rem; }
.strip li { min-width: 1.75rem; }
.seg { display: block; height: 2.25rem; border: 1px solid var(--border); border-radius: .25rem; color: var(--fg); text-decoration: none; padding: .1rem .2rem; overflow: hidden; white-space: nowrap; font-size: .8rem; }
.seg-label { background: inherit; padding: 0 .15rem; }
.band-ok { background-color: var(--band-ok); }
.band-above { background-color: var(--band-above); }
.band-hard { background-color: var(--band-hard); }
.band-very-hard { background-color: var(--band-very-hard); }
.seg.band-hard, .swatch.band-hard { box-shadow: inset 0 -5px 0 var(--hard-line); }
.seg.band-very-hard, .swatch.band-very-hard { box-shadow: inset 0 -5px 0 var(--very-hard-line), inset 0 5px 0 var(--very-hard-line); }
.pgrade.band-hard { border: 2px dashed var(--hard-line); }
.pgrade.band-very-hard { border: 3px double var(--very-hard-line); }
.bands, .legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: 0; margin: .5rem 0 1rem; font-size: .875rem; }
.swatch { display: inline-block; width: 1.5rem; height: 1rem; vertical-align: middle; border: 1px solid var(--border); margin-right: .35rem; }
.article-body { position: relative; padding: 1rem 1rem 1rem 4.25rem; border: 1px solid var(--border); border-radius: .5rem; font: 1.125rem/1.75 Georgia, "Times New Roman", serif; overflow-wrap: anywhere; }
.article-body .heading { font-weight: bold; font-family: system-ui, sans-serif; }
.article-body .heading.h1 { font-size: 1.6rem; } .article-body .heading.h2 { font-size: 1.35rem; } .article-body .heading.h3 { font-size: 1.2rem; }
.htag { font: .7rem/1 ui-monospace, monospace; color: var(--muted); border: 1px solid var(--border); border-radius: .2rem; padding: .1rem .25rem; vertical-align: middle; }
.article-body pre { white-space: pre-wrap; background: var(--card); padding: .5rem; font-size: .9rem; }
.article-body code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.article-body table { border-collapse: collapse; }
.article-body td { border: 1px solid var(--border); padding: .25rem .5rem; }
.article-body td.th { font-weight: bold; }
.article-body blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid var(--border); }
.link { color: var(--accent); text-decoration: underline; }
.ph { font: .85rem/1.4 system-ui, sans-serif; background: var(--card); border: 1px dashed var(--muted); border-radius: .25rem; padding: 0 .3rem; color: var(--fg); }
.pgrade { position: absolute; left: .5rem; width: 3.25rem; margin-top: .2rem; text-align: center; font: 600 .75rem/1.6 system-ui, sans-serif; border: 1px solid var(--border); border-radius: .25rem; color: var(--fg); }
.hl { position: relative; color: inherit; background: none; border-radius: .15rem; box-decoration-break: clone; -webkit-box-decoration-break: clone; text-underline-offset: .2em; }
.hl-hard { background-color: var(--hard); border-bottom: 2px dashed var(--hard-line); }
.hl-very-hard { background-color: var(--very-hard); border-bottom: 4px double var(--very-hard-line); }
.hl-passive { background-color: var(--passive); text-decoration: underline solid var(--passive-line) 2px; }
.hl-plain { background-color: var(--plain); text-decoration: underline dotted var(--plain-line) 3px; }
.hl-jargon { background-color: var(--jargon); text-decoration: underline double var(--jargon-line) 2px; }
.hl-acronym { background-color: var(--acronym); text-decoration: underline dashed var(--acronym-line) 2px; }
.hl-uncommon { text-decoration: underline dotted var(--uncommon-line) 1px; }
.hl-style, .hl-other { background-color: var(--style); text-decoration: underline wavy var(--style-line) 1px; }
.hl-a11y { outline: 2px solid var(--a11y); }
.hl:hover, .hl:focus { outline: 2px solid var(--fg); }
.tip { display: none; position: absolute; left: 0; top: calc(100% + .35rem); z-index: 10; width: max-content; max-width: min(26rem, 80vw); padding: .5rem .7rem; border-radius: .4rem; background: var(--tip-bg); color: var(--tip-fg); font: .875rem/1.45 system-ui, sans-serif; text-align: left; white-space: normal; box-shadow: 0 .25rem 1rem rgba(0,0,0,.3); }
.tip > span { display: block; }
.tip-kind { font-weight: bold; }
.tip-meta { font-family: ui-monospace, monospace; font-size: .8rem; margin-top: .25rem; }
.hl:focus > .tip, .tip.open, .hl:hover:not(:has(.hl:hover)) > .tip { display: block; }
body.tips-dismissed .tip { display: none !important; }
.flagged { outline: 3px dashed var(--a11y); outline-offset: 3px; }
.a11y-note { display: inline-block; margin: .25rem 0 .25rem .5rem; padding: .1rem .5rem; border-left: 4px solid var(--a11y); background: var(--card); color: var(--fg); font: .85rem/1.45 system-ui, sans-serif; }
.note-rule { font-family: ui-monospace, monospace; color: var(--muted); }
.notes .a11y-note { display: block; margin-left: 0; }
table.data { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.data th, table.data td { border-bottom: 1px solid var(--border); padding: .35rem .5rem; text-align: left; vertical-align: top; }
table.data th { background: var(--card); }
.sev { font-weight: 600; }
.page-findings { border-left: 4px solid var(--error); padding: 0.25rem 1rem; margin: 1rem 0; }
.page-findings p { margin: 0.25rem 0; font-weight: 600; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.status-failed { color: var(--error); font-weight: 600; } .status-cannot-tell { color: var(--warning); } .status-passed { color: var(--pass); }
.source-line { font: .8rem/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; color: var(--muted); }
.notice { border-left: 4px solid var(--warning); padding: .5rem 1rem; background: var(--card); }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--border); padding-top: 1rem; }
@media print {
  :root { color-scheme: light; }
  html, body { background: #fff; color: #000; max-width: none; }
  .tip, .skip-link, .toc { display: none !important; }
  .hl, .seg, .pgrade, .band-ok, .band-above, .band-hard, .band-very-hard { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-before: page; }
  section:first-of-type h2 { break-before: avoid; }
  tr, .a11y-note { break-inside: avoid; }
}
`

/**
 * The report's only script: tips open on hover over any piece of a highlight and close with Escape until the
 * pointer or the focus moves to another (WCAG 1.4.13).
 * Without it, tips still open on focus and hover through CSS.
 */
export const script = `(() => {
  let shown = null
  const show = (tip) => {
    if (shown && shown !== tip) shown.classList.remove('open')
    shown = tip
    if (tip) tip.classList.add('open')
  }
  document.addEventListener('mouseover', (event) => {
    const mark = event.target instanceof Element ? event.target.closest('[data-tip]') : null
    const tip = mark ? document.getElementById(mark.getAttribute('data-tip')) : null
    if (tip === shown) return
    if (tip) document.body.classList.remove('tips-dismissed')
    show(tip)
  })
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      document.body.classList.add('tips-dismissed')
      show(null)
    }
  })
  document.addEventListener('focusin', () => document.body.classList.remove('tips-dismissed'))
})()`

/**
 * The page's Content Security Policy: nothing loads from anywhere, and the only script that may run is the one
 * above, by its hash. Even if article text ever escaped the escaping, a browser would not run it.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')
