import type {Element, ElementContent, Properties, Text} from 'hast'
import type {Schema} from 'hast-util-sanitize'

// The allowlist the HTML report rebuilds an article from: nothing of the article's own markup runs or loads.

export const dropped = new Set(['script', 'style', 'template', 'noscript', 'head', 'meta', 'link', 'base', 'title', 'param', 'source', 'track', 'colgroup', 'col'])
/** Kept as they are, without any attribute but the few that `keptProperties` names. */
export const kept = new Set([
  'p', 'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'br', 'hr', 'q', 'cite',
  'abbr', 'kbd', 'samp', 'var', 'span', 'div', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'caption', 'figure',
  'figcaption', 'dfn', 'bdi', 'bdo', 'ruby', 'rt', 'rp', 'wbr', 'time', 'data'
])
/** Landmarks, sections and interactive containers become plain blocks: the report keeps one landmark structure of its own. */
export const asBlock = new Set([
  'html', 'body', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'form', 'details', 'summary', 'address', 'fieldset',
  'legend', 'hgroup', 'search', 'dialog', 'center', 'dl', 'dt', 'dd', 'menu'
])
/** Embedded and interactive content is never loaded or made live; a placeholder names it. */
export const placeholderName: Record<string, string> = {
  iframe: 'embedded frame', frame: 'frame', frameset: 'frames', video: 'video', audio: 'audio', object: 'embedded object', embed: 'embedded object',
  canvas: 'canvas', svg: 'SVG graphic', math: 'formula', picture: 'picture', map: 'image map', area: 'image map area', select: 'drop-down list',
  textarea: 'text area', applet: 'applet', portal: 'portal', output: 'output'
}
export const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'blockquote', 'dd', 'dt', 'pre', 'div', 'figcaption', 'caption', 'body', 'main', 'section', 'article'])
export const listTags = new Set(['ul', 'ol'])
/** Structural elements whose note goes inside their first cell, since nothing else may sit between rows. */
export const rowGroups = new Set(['tr', 'thead', 'tbody', 'tfoot'])

/** What the painted article may contain once built: checked again with hast-util-sanitize, so nothing else can slip through. */
export const schema: Schema = {
  strip: ['script', 'style'],
  clobber: [],
  clobberPrefix: '',
  protocols: {},
  allowComments: false,
  allowDoctypes: false,
  tagNames: [...kept, 'mark'],
  ancestors: {},
  required: {},
  attributes: {
    '*': ['className', 'id', 'dataCategory', 'dataRule', 'dataFinding', 'dataTip', 'dataSeverity', 'dir'],
    mark: ['tabIndex', 'ariaDescribedBy'],
    span: ['role'],
    table: ['role'],
    td: ['colSpan', 'rowSpan'],
    ol: ['start']
  }
}

export function imageLabel(node: Element): string {
  const alt = node.properties['alt']
  if (alt === undefined || alt === null) return 'image without alt text'
  const value = String(alt).trim()
  return value === '' ? 'decorative image (empty alt)' : `image: “${value}”`
}

export function inputLabel(node: Element): string {
  const type = String(node.properties['type'] ?? 'text').toLowerCase()
  if (type === 'checkbox') return node.properties['checked'] ? '☑' : '☐'
  if (type === 'hidden') return 'hidden field'
  return `${type} field`
}

export function placeholder(label: string): Element {
  return el('span', {className: ['ph']}, [txt(`[${label}]`)])
}

export function keptProperties(node: Element): Properties {
  const properties: Properties = {}
  const dir = node.properties['dir']
  if (dir === 'ltr' || dir === 'rtl' || dir === 'auto') properties['dir'] = dir
  if (node.tagName === 'ol' && typeof node.properties['start'] === 'number') properties['start'] = node.properties['start']
  if (node.tagName === 'td') Object.assign(properties, cellSpan(node.properties))
  return properties
}

export function cellSpan(properties: Properties): Properties {
  const out: Properties = {}
  for (const key of ['colSpan', 'rowSpan'] as const) {
    const value = properties[key]
    if (typeof value === 'number' && Number.isInteger(value) && value > 1 && value < 1000) out[key] = value
  }
  return out
}

export function addClass(element: Element, name: string): void {
  const current = element.properties['className']
  element.properties['className'] = Array.isArray(current) ? [...current, name] : [name]
}

export function el(tagName: string, properties: Properties, children: ElementContent[]): Element {
  return {type: 'element', tagName, properties, children}
}

export function txt(value: string): Text {
  return {type: 'text', value}
}
