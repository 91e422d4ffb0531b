import {basename, extname} from 'node:path'
import type {Element, ElementContent, Root} from 'hast'
import {frontMatterTitle} from '../input/front-matter.ts'
import {findElement, type ParsedArticle} from '../input/parse.ts'

/**
 * The page axe-core audits. A whole HTML document is audited as written; text, Markdown and HTML fragments are
 * wrapped in a complete document (lang, charset, title, the article inside `<main>`) that gives axe-core
 * nothing to find. Article nodes are reused as they are, so each keeps its source position.
 */
export function renderDocument(article: ParsedArticle, lang: string): Root {
  if (article.isDocument) return article.tree
  const title = documentTitle(article)
  const content = article.tree.children.filter((node): node is ElementContent => node.type !== 'doctype')
  const ownMain = content.some((node) => findElement(node, (element) => element.tagName === 'main') !== undefined)
  // Site generators render a front-matter title as the page's heading; so does faircopy, when the article has none.
  const declared = frontMatterTitle(article.frontMatter?.data)
  const heading: ElementContent[] = declared !== undefined && !article.hasHeadingOne ? [element('h1', {}, [{type: 'text', value: declared}])] : []
  const body = ownMain ? [...heading, ...content] : [element('main', {}, [...heading, ...content])]
  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      element('html', {lang: article.lang ?? lang}, [
        element('head', {}, [
          element('meta', {charSet: 'utf-8'}, []),
          element('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}, []),
          element('title', {}, [{type: 'text', value: title}])
        ]),
        element('body', {}, body)
      ])
    ]
  }
}

export function documentTitle(article: ParsedArticle): string {
  if (article.title !== undefined) return article.title
  const path = article.file.path
  return path ? basename(path, extname(path)) : 'Article'
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return {type: 'element', tagName, properties, children}
}

