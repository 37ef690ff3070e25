// Starts the story editor (editor.html). Trunk builds the editor's wasm next
// to the widget's; no widget page loads this file or the editor's wasm.
import init from './editor.js';

await init({ module_or_path: new URL('./editor_bg.wasm', import.meta.url) });
