// The Web Worker that holds the WebAssembly module for wakeline.mjs: messages in, messages out,
// as engine.mjs describes. Batches of records are transferred, not copied.
import { EngineHost } from './engine.mjs';

const host = new EngineHost((message, transfer) => self.postMessage(message, transfer ?? []));
self.onmessage = (event) => host.handle(event.data);
