// The worker thread's entry when faircopy runs from its TypeScript source (the tests, `npm run example`):
// worker threads do not inherit the tsx loader, so it is registered here before the worker module loads.
// The built package never uses this file; its workers load dist/worker.js.
import {register} from 'tsx/esm/api'

register()
const worker = await import('./worker.ts')
export const auditTask = worker.auditTask
