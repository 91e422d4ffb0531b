import type {Element, ElementContent, Root} from 'hast'
import type {Blockquote, PhrasingContent, Root as MdastRoot, Text} from 'mdast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx'
import {h} from 'hastscript'
import rehypeRaw from 'rehype-raw'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import remarkRehype, {type Options as RehypeOptions} from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location, type Location} from 'vfile-location'

/** GitHub's alert markers, the first line of a quote: `> [!NOTE]`. */
const alertMarker = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i

/**
 * The dialect content teams write on top of Markdown, in mdast: GitHub alerts become labelled notes whose marker is
 * not prose; a leaf directive (`::youtube{#id}`) is an embed, not prose; a text directive keeps its label as its
 * words, or, with none, stays the text it was (`mailto:me` is no directive to a reader).
 */
function remarkDialects() {
  return (tree: MdastRoot, file: VFile) => {
    const source = String(file.value)
    let place: Location | undefined
    visit(tree, (node, index, parent) => {
      if (node.type === 'blockquote') markAlert(node, () => (place ??= location(source)))
      if ('children' in node) unwrapLinksInRawAnchors(node)
      if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'a') unwrapLinks(node)
      if (!parent || index === undefined) return undefined
      if (node.type === 'leafDirective') {
        parent.children.splice(index, 1)
        return index
      }
      if (node.type === 'textDirective') {
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        const label = node.children.length > 0 ? node.children : start !== undefined && end !== undefined ? [{type: 'text', value: source.slice(start, end), position: node.position} as Text] : []
        parent.children.splice(index, 1, ...(label as never[]))
        return index
      }
      return undefined
    })
  }
}

/**
 * A link inside the author's own raw `<a href=URL>URL</a>` (GFM's autolink of the URL it shows) is no link of its
 * own: left in, the HTML parser would close the author's link before it and leave that one empty. In MDX the
 * author's `<a>` is a JSX element, and the links inside it go the same way (`unwrapLinks`).
 */
function unwrapLinksInRawAnchors(parent: {children: MdastRoot['children'] | PhrasingContent[]}): void {
  let open = 0
  const children = parent.children as PhrasingContent[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as PhrasingContent
    if (child.type === 'html') {
      if (/^<a[\s>]/i.test(child.value)) open++
      else if (/^<\/a\s*>/i.test(child.value)) open = Math.max(0, open - 1)
    } else if (open > 0 && child.type === 'link') {
      children.splice(index, 1, ...child.children)
      index += child.children.length - 1
    }
  }
}

function unwrapLinks(anchor: MdxJsxFlowElement | MdxJsxTextElement): void {
  visit(anchor, 'link', (link, index, parent) => {
    if (!parent || index === undefined) return undefined
    parent.children.splice(index, 1, ...(link.children as never[]))
    return index
  })
}

function markAlert(quote: Blockquote, place: () => Location): void {
  const paragraph = quote.children[0]
  const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined
  const match = first?.type === 'text' ? alertMarker.exec(first.value) : null
  if (!first || first.type !== 'text' || !match || !paragraph || paragraph.type !== 'paragraph') return
  const kind = (match[1] as string).toLowerCase()
  // The marker leaves the prose: the text starts after it, and its position with it.
  const start = (first.position?.start.offset ?? 0) + match[0].length
  first.value = first.value.slice(match[0].length)
  const point = place().toPoint(start)
  if (first.position && point) first.position.start = point
  if (first.value === '') paragraph.children.shift()
  if (paragraph.children.length === 0) quote.children.shift()
  quote.data = {...quote.data, hName: 'div', hProperties: {role: 'note', ariaLabel: kind.charAt(0).toUpperCase() + kind.slice(1), dataAlert: kind}}
}

/** A container directive (`:::note … :::`) is a block of prose; its label (`:::note[Title]`) is not. */
const directiveHandlers: NonNullable<RehypeOptions['handlers']> = {
  containerDirective(state, node: ContainerDirective) {
    const children = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel))
    const result: Element = {type: 'element', tagName: 'div', properties: {dataDirective: node.name}, children: state.all({...node, children} as never) as ElementContent[]}
    state.patch(node, result)
    return result
  }
}

/**
 * MDX in hast: ESM and `{expressions}` are not prose and render nothing (a `{/* faircopy-… *\/}` comment is a
 * suppression comment, as `<!-- … -->` is in Markdown); a lower-case JSX element is the HTML element, with its
 * literal attributes; a component is a neutral container of its children, never an element axe-core judges.
 */
const mdxHandlers: NonNullable<RehypeOptions['handlers']> = {
  mdxjsEsm: () => undefined,
  mdxFlowExpression: (_state, node: {value: string; position?: Element['position']}) => controlComment(node),
  mdxTextExpression: (_state, node: {value: string; position?: Element['position']}) => controlComment(node),
  mdxJsxFlowElement: (state, node: MdxJsxFlowElement) => jsxElement(state, node, 'div'),
  mdxJsxTextElement: (state, node: MdxJsxTextElement) => jsxElement(state, node, 'span')
}

function controlComment(node: {value: string; position?: Element['position']}) {
  const match = /^\s*\/\*\s*(faircopy-[\s\S]*?)\s*\*\/\s*$/.exec(node.value)
  return match ? {type: 'comment' as const, value: ` ${match[1]} `, ...(node.position ? {position: node.position} : {})} : undefined
}

type State = Parameters<NonNullable<NonNullable<RehypeOptions['handlers']>['paragraph']>>[0]

function jsxElement(state: State, node: MdxJsxFlowElement | MdxJsxTextElement, container: 'div' | 'span') {
  const children = state.all(node as never) as ElementContent[]
  const name = node.name
  // A fragment is its children; a component (`<Tabs>`, `<ui.Card>`) a neutral container of them.
  if (name === null) return children
  const isHtml = /^[a-z][a-z0-9-]*$/.test(name)
  const properties: Record<string, string | boolean> = {}
  if (isHtml) {
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') continue
      const value = (attribute as MdxJsxAttribute).value
      if (value === null || value === undefined) properties[attribute.name] = true
      else if (typeof value === 'string') properties[attribute.name] = value
    }
  }
  const result = isHtml ? h(name, properties, children) : h(container, {dataComponent: name}, children)
  state.patch(node as never, result)
  return result
}

/**
 * Directive fences as Docusaurus and VitePress write them (`:::note Title`, `::: tip`) become the form
 * remark-directive reads (`:::note`), the title blanked: the same length, so every offset stays the source's.
 */
export function normalizeDirectiveFences(text: string): string {
  return text.replace(/^([ \t]*:{3,})(?:[ \t]+([A-Za-z][\w-]*)([^\n]*)|([A-Za-z][\w-]*)[ \t]+([^[{\n][^\n]*))$/gm, (line, fence: string, spacedName?: string, spacedRest?: string, name?: string) => {
    const title = spacedName === undefined ? undefined : spacedRest
    const own = spacedName ?? name ?? ''
    if (title !== undefined && /^[[{]/.test(title)) return line
    const normalized = `${fence}${own}`
    return normalized + ' '.repeat(line.length - normalized.length)
  })
}

function processor(mdx: boolean) {
  const base = unified().use(remarkParse)
  const withSyntax = mdx ? base.use(remarkMdx).use(remarkGfm) : base.use(remarkGfm)
  const withDialects = withSyntax.use(remarkDirective).use(remarkDialects)
  return mdx
    ? withDialects.use(remarkRehype, {handlers: {...directiveHandlers, ...mdxHandlers}})
    : withDialects.use(remarkRehype, {allowDangerousHtml: true, handlers: directiveHandlers}).use(rehypeRaw)
}

const markdown = processor(false).freeze()
const mdx = processor(true).freeze()

/** Parses Markdown, or MDX (which throws where it does not parse), to hast, synchronously. */
export function parseMarkdown(file: VFile, asMdx: boolean): Root {
  const chain = asMdx ? mdx : markdown
  return chain.runSync(chain.parse(file), file) as Root
}
