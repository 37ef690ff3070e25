#!/bin/sh
# Trunk's post-build hook (Trunk.toml), run in the staging directory:
# 1. write the hashed names of the module and the wasm into boot.js;
# 2. make embed.html: index.html with the embed's pre-rendered view
#    (web/generated/embed-view.html, written by `dossier prerender`) in place of the page's,
#    and the body marked as an embed's (no margins);
# 3. link the editor's page (editor.html) to the widget's hashed stylesheet and icon.
set -eu
cd "$TRUNK_STAGING_DIR"
js=$(ls app-*.js | head -n 1)
wasm=${js%.js}_bg.wasm
sed -i "s/__APP_JS__/$js/g; s/__APP_WASM__/$wasm/g" boot.js
css=$(ls main-*.css | head -n 1)
icon=$(ls favicon-*.svg | head -n 1)
sed -i "s/__MAIN_CSS__/$css/g; s/__FAVICON__/$icon/g" editor.html
awk -v view=embed-view.html '
  BEGIN { while ((getline line < view) > 0) body = body line "\n" }
  /<body>/ { sub(/<body>/, "<body class=\"dossier-embed\">") }
  /<!-- prerender: generated/ { print; printf "%s", body; skip = 1; next }
  /<!-- \/prerender -->/ { skip = 0 }
  !skip { print }
' index.html > embed.html
rm embed-view.html
