import {createRequire} from 'node:module'

/** faircopy's own version, from its package.json (the same relative path from src/ and dist/). */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as {version: string}).version
