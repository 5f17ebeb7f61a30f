/** The Web Worker that runs the engine for the pane (see engine-client.ts). */
import type { EngineRequest, EngineResponse } from './engine-client';
import { serveEngine } from './local-engine';

const scope = self as unknown as { postMessage(message: EngineResponse): void; onmessage: ((event: { data: EngineRequest }) => void) | null };
const serve = serveEngine((response) => scope.postMessage(response));
scope.onmessage = (event) => void serve(event.data);
