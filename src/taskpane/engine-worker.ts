/** The Web Worker that runs the engine for the pane (see engine-client.ts). */
import { EngineRequest, EngineResponse, serveEngine } from './engine-client';

const scope = self as unknown as { postMessage(message: EngineResponse): void; onmessage: ((event: { data: EngineRequest }) => void) | null };
const serve = serveEngine((response) => scope.postMessage(response));
scope.onmessage = (event) => void serve(event.data);
