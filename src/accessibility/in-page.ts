/**
 * Code that runs inside the page, next to axe-core: in a jsdom window and in Chromium alike, so both engines name
 * elements the same way. It is a string, evaluated in the page's realm, because a function of this module would be
 * serialised with whatever helpers the TypeScript build wrapped it in.
 *
 * - `selectorOf(element)`: a readable path to the element, `main > p:nth-of-type(3) > img`, ids where there are
 *   any (axe-core's own unique selectors cost quadratic time on long pages);
 * - `run(options)` (Chromium): takes each element's source index out of its `data-faircopy-node` attribute (so
 *   axe-core sees the page as written), runs axe-core and returns its results as plain data, each node with the
 *   source index of its nearest indexed ancestor-or-self, or -1.
 */
export const NODE_ATTRIBUTE = 'data-faircopy-node'

export const IN_PAGE_SOURCE = `(() => {
  const idPattern = /^[A-Za-z][\\w-]*$/
  function selectorOf(element) {
    const parts = []
    for (let current = element; current && current.localName !== 'html'; current = current.parentElement) {
      const tag = current.localName
      if (current.id && idPattern.test(current.id)) {
        parts.unshift(tag + '#' + current.id)
        break
      }
      const parent = current.parentElement
      let position = 1
      let alone = true
      if (parent && tag !== 'body' && tag !== 'head') {
        for (let sibling = current.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (sibling.localName === tag) position++
        for (let sibling = parent.firstElementChild; sibling && alone; sibling = sibling.nextElementSibling) if (sibling !== current && sibling.localName === tag) alone = false
      }
      parts.unshift(alone ? tag : tag + ':nth-of-type(' + position + ')')
    }
    return parts.length === 0 ? element.localName : parts.join(' > ')
  }
  async function run(options) {
    const indexes = new Map()
    for (const element of document.querySelectorAll('[${NODE_ATTRIBUTE}]')) {
      indexes.set(element, Number(element.getAttribute('${NODE_ATTRIBUTE}')))
      element.removeAttribute('${NODE_ATTRIBUTE}')
    }
    const indexOf = (element) => {
      for (let current = element; current; current = current.parentElement) if (indexes.has(current)) return indexes.get(current)
      return -1
    }
    const known = new Set(window.axe.getRules().map((entry) => entry.ruleId))
    const results = await window.axe.run(document, {
      runOnly: {type: 'tag', values: options.tags},
      rules: Object.fromEntries(options.disabled.filter((id) => known.has(id)).map((id) => [id, {enabled: false}])),
      resultTypes: ['violations', 'incomplete'],
      iframes: false,
      elementRef: true,
      selectors: false
    })
    const rule = (result) => ({
      id: result.id,
      impact: result.impact || undefined,
      help: result.help,
      helpUrl: result.helpUrl,
      tags: result.tags,
      nodes: result.nodes.map((node) => ({
        html: node.html,
        failureSummary: node.failureSummary,
        selector: node.element ? selectorOf(node.element) : '',
        index: node.element ? indexOf(node.element) : -1
      }))
    })
    return {
      version: results.testEngine.version,
      violations: results.violations.map(rule),
      incomplete: results.incomplete.map(rule),
      passes: results.passes.map((result) => result.id),
      selected: window.axe.getRules(options.tags).map((entry) => [entry.ruleId, entry.tags])
    }
  }
  Object.defineProperty(window, 'faircopyPage', {value: Object.freeze({selectorOf, run}), enumerable: false})
})()`
