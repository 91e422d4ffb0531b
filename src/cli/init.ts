import {closeSync, existsSync, openSync, writeSync} from 'node:fs'
import {join} from 'node:path'
import {FaircopyError} from '../errors.ts'
import presetData from '../presets.json' with {type: 'json'}
import {presetNames, type PresetName} from '../settings.ts'
import {CONFIG_FILES} from './config.ts'

/** The file `faircopy --init` writes, in the working folder. */
export const INIT_FILE = 'faircopy.config.jsonc'

/** What `--init` needs of the CLI: where to write, how to speak, and a way to ask when a person is at the terminal. */
export interface InitIo {
  readonly cwd: string
  readonly stdout: (text: string) => void
  /** Asks one question and resolves to the answer; absent when stdin is not a terminal. */
  readonly ask?: ((question: string) => Promise<string>) | undefined
}

/**
 * `faircopy --init`: writes a commented starter config for a preset, asked for when a person is at the terminal, or
 * given with `--preset`. It never replaces a config: if the folder has one, nothing is written and the exit is 2.
 */
export async function initConfig(preset: PresetName | undefined, io: InitIo): Promise<number> {
  const existing = CONFIG_FILES.find((name) => existsSync(join(io.cwd, name)))
  if (existing !== undefined) throw new FaircopyError('E_USAGE', `--init: ${existing} is already here; faircopy --init writes a new config only, and leaves yours as it is.`)
  const chosen = preset ?? (await askPreset(io))
  const path = join(io.cwd, INIT_FILE)
  let descriptor: number
  try {
    // "wx": a file that appeared meanwhile, or a link placed at the name, is never written through.
    descriptor = openSync(path, 'wx', 0o644)
  } catch (error) {
    throw new FaircopyError('E_USAGE', `--init: ${INIT_FILE} could not be created (${(error as Error).message}).`, {cause: error})
  }
  try {
    writeSync(descriptor, starterConfig(chosen))
  } finally {
    closeSync(descriptor)
  }
  io.stdout(`Wrote ${INIT_FILE} (preset ${chosen}). Run faircopy on your articles, e.g. faircopy 'content/**/*.md'.\n`)
  return 0
}

async function askPreset(io: InitIo): Promise<PresetName> {
  if (io.ask === undefined) throw new FaircopyError('E_USAGE', `--init asks which preset to start from, and stdin is not a terminal: give one with --init --preset NAME (${presetNames.join(', ')}).`)
  const menu = presetNames.map((name, index) => `  ${index + 1}. ${name} (target grade ${presetData.presets[name].targetGrade})`).join('\n')
  for (let tries = 0; tries < 3; tries++) {
    const answer = (await io.ask(`Which preset should the config start from?\n${menu}\nPreset [general]: `)).trim()
    if (answer === '') return 'general'
    const byNumber = presetNames[Number(answer) - 1]
    if (/^\d+$/.test(answer) && byNumber !== undefined) return byNumber
    if ((presetNames as readonly string[]).includes(answer)) return answer as PresetName
    io.stdout(`"${answer}" is not one of the presets.\n`)
  }
  throw new FaircopyError('E_USAGE', '--init: no preset chosen; nothing was written.')
}

/** The starter config: JSON with comments, every line of it valid against the config's schema. */
export function starterConfig(preset: PresetName): string {
  const grade = presetData.presets[preset].targetGrade
  return `// faircopy's configuration: JSON with comments. Every key is described in the schema below, which
// editors use to complete and check this file; faircopy --print-config FILE shows what a file is audited with.
{
  "$schema": "./node_modules/faircopy/schema/config.schema.json",

  // The preset sets the target grade (${grade} for ${preset}), the jargon domains and some rules' levels.
  "preset": "${preset}",

  // The lowest severity that fails the run: error, warning, info or never.
  "failOn": "error",

  // Uncomment to fail an article whose reading grade is above this (the preset's target only reports it).
  // "maxGrade": ${grade},

  // A level per rule: off, info, warning (or warn) or error. faircopy --help lists the flags; the README the rules.
  "rules": {
    // "hedge": "warning",
    // "unused-suppression": "warning"
  },

  // Files never audited, relative to this file.
  "ignore": ["**/drafts/**"]

  // Settings for some files only, applied over the ones above:
  // "overrides": [{"files": "docs/api/**", "preset": "technical"}]
}
`
}
