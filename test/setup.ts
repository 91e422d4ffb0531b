import {createRequire} from 'node:module'

// jsdom is CommonJS that require()s ES modules. On Node 20, a require(esm) that meets an import() of the same graph
// still in flight can abort the whole process ("v8::Module::IsGraphAsync must be used on an instantiated module"),
// which once killed a Vitest worker in CI. Loading jsdom here, synchronously and before the test file's own
// imports, leaves nothing in flight: every later import of jsdom is a cache hit.
createRequire(import.meta.url)('jsdom')
