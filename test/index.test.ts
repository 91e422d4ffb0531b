import {expect, it} from 'vitest'
import * as faircopy from '../src/index.ts'

it('exports exactly the public API (a change here is a CHANGELOG line)', () => {
  expect(Object.keys(faircopy).sort()).toEqual(['FaircopyError', 'SCHEMA_VERSION', 'audit', 'auditEach', 'auditFile', 'auditFiles', 'auditReportSchema', 'closeWorkers', 'presetNames', 'reportJsonSchema', 'toHtml'])
})
