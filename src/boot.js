// Starts the widget from a file rather than an inline script, so that the
// page works under a Content-Security-Policy without 'unsafe-inline'.
// Trunk.toml sets inject_scripts = false, and its post-build hook writes the
// hashed file names in place of the two placeholders below.
import init from './__APP_JS__';

const wasm = await init({ module_or_path: new URL('./__APP_WASM__', import.meta.url) });
// Trunk's own loader announces the start the same way; the benchmarks listen.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
