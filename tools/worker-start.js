// The tools worker's entry (a module worker, dist/worker/start.js): loads the tools' WebAssembly
// (crates/worker) once and answers the editor's messages { id, op, input } with
// { id, ok, result } or { id, ok: false, error }, one at a time, in order.
import init, { checkReading, importPublished, renderDocx, renderFigure } from './nianbao-worker.js';

const OPS = { checkReading, importPublished, renderDocx, renderFigure };
const ready = init();

self.onmessage = async (event) => {
  const { id, op, input } = event.data;
  try {
    await ready;
    if (!Object.hasOwn(OPS, op)) throw new Error(`unknown operation ${op}`);
    const result = OPS[op](input);
    self.postMessage({ id, ok: true, result });
  } catch (error) {
    self.postMessage({ id, ok: false, error: String(error?.message ?? error) });
  }
};
