/** Runs fuzz inputs off the main thread, so the runner can kill an input that hangs. */
import { parentPort } from 'node:worker_threads';
import type { Dialect } from '../ir.js';
import { checkInput, type CheckOutcome } from './check.js';

export interface WorkRequest {
  dialect: Dialect;
  text: string;
  mustReportError: boolean;
}

parentPort?.on('message', (request: WorkRequest) => {
  const outcome: CheckOutcome = checkInput(request.dialect, request.text, request.mustReportError);
  parentPort?.postMessage(outcome);
});
// Loading fwlint takes a while; the runner starts an input's deadline only after this.
parentPort?.postMessage('ready');
