#!/bin/sh
# Trunk's post-build hook (Trunk.toml), run in the staging directory:
# 1. write the hashed name of the widget's JS loader into boot.js (the
#    wasm's, once packed, at step 6);
# 2. put the pre-rendered views in place, after Trunk's minifier: the page's
#    (web/generated/page-view.html, written by `dossier prerender`) into
#    index.html, and the embed's into embed.html, a copy of index.html with
#    the body marked as an embed's (no margins);
#    and drop the Rust link Trunk leaves behind;
# 3. link the editor's page (editor.html) to the widget's hashed stylesheet and icon;
# 4. in a release build, minify the wasm modules' JS loaders and boot.js
#    with terser (node_modules, from package.json): Trunk's own minifier
#    cannot read wasm-bindgen's `export { … as default }`. A build without
#    node_modules ships them as they are;
# 5. in a release build, give the calls between each wasm module and its
#    loader short names (web/short-names.mjs): about 7 KB gzip of the
#    reader's download was wasm-bindgen's hashed names;
#    and order each module's functions, those that read alike together
#    (web/order-functions.mjs): about 5.3 KB gzip off the reader's module,
#    13 KB off the editor's;
# 6. in a release build, pack the widget's module as LZMA
#    (web/pack-wasm.mjs, with xz): web/lzma.js unpacks it in the page with
#    the decoder's module (src/bin/unlzma.rs), about 33 KB less to download
#    than gzip -9 of the module; and the opener's, which its worker
#    unpacks with the same decoder, about 27 KB less;
# 7. put the widget's loader and the unpacker into boot.js
#    (web/merge-loader.mjs): the page asks for one script, not one that
#    asks for others; and the unpacker into the opener's worker.
set -eu
cd "$TRUNK_STAGING_DIR"
js=$(ls app-*.js | head -n 1)
wasm=${js%.js}_bg.wasm
sed -i "s/__APP_JS__/$js/g" boot.js
css=$(ls main-*.css | head -n 1)
icon=$(ls favicon-*.png | head -n 1)
sed -i "s/__MAIN_CSS__/$css/g; s/__FAVICON__/$icon/g" editor.html

# The page with a view in place of its empty <div id="dossier"></div>
# (written <div id=dossier></div> once minified); fails if there is none.
# The story the view comes with (its <script id="dossier-story">) goes last
# in the body, after the no-JavaScript summary: the summary then sits
# beside the view whose words it repeats, and gzip finds them (63 B off
# index.html).
place() {
  awk -v view="$1" -v embed="$2" '
    BEGIN {
      while ((getline line < view) > 0) body = body line "\n"; sub(/\n$/, "", body)
      at = index(body, "<script id=\"dossier-story\"")
      if (!at) { print "post-build: no <script id=\"dossier-story\"> in " view > "/dev/stderr"; bad = 1; exit 1 }
      story = substr(body, at); body = substr(body, 1, at - 1)
    }
    embed == "yes" { sub(/<body>/, "<body class=\"dossier-embed\">") }
    # On the line of the view, </body> is looked for after it only.
    { from = 0 }
    !done && match($0, /<div id="?dossier"?><\/div>/) {
      from = RSTART - 1 + length(body)
      $0 = substr($0, 1, RSTART - 1) body substr($0, RSTART + RLENGTH); done = 1
    }
    done && !told && (end = index(substr($0, from + 1), "</body>")) {
      end += from
      $0 = substr($0, 1, end - 1) story substr($0, end); told = 1
    }
    { print }
    END {
      if (bad) exit 1
      if (!done) { print "post-build: no <div id=\"dossier\"></div> in index.html" > "/dev/stderr"; exit 1 }
      if (!told) { print "post-build: no </body> after <div id=\"dossier\"> in index.html" > "/dev/stderr"; exit 1 }
    }
  ' index.html
}
place embed-view.html yes > embed.html
place page-view.html no > index.tmp
mv index.tmp index.html
rm embed-view.html page-view.html
# With inject_scripts off, Trunk leaves the widget's <link data-trunk rel=rust>
# in the pages: dead markup that every reader would download.
sed -i 's/<link[^>]*rel="\{0,1\}rust"\{0,1\}[^>]*>//' index.html embed.html

terser="${TRUNK_SOURCE_DIR:-.}/node_modules/.bin/terser"
minify() {
  if [ "${TRUNK_PROFILE:-}" = release ] && [ -x "$terser" ] && [ -f "$1" ]; then
    "$terser" "$1" --module --compress --mangle --output "$1"
  fi
}
for f in app-*.js opener.js editor.js; do minify "$f"; done

# Each module apart, side by side: ordering takes one core a module, about
# a minute for the editor's and 40 s for the other two together.
if [ "${TRUNK_PROFILE:-}" = release ] && command -v node > /dev/null; then
  pids=
  for f in app-*.js opener.js editor.js; do
    [ -f "$f" ] || continue
    node "${TRUNK_SOURCE_DIR:-.}/web/order-functions.mjs" "${f%.js}_bg.wasm" &&
      node "${TRUNK_SOURCE_DIR:-.}/web/short-names.mjs" "$f" "${f%.js}_bg.wasm" &
    pids="$pids $!"
  done
  for pid in $pids; do wait "$pid"; done
fi

# The widget's module, packed (release builds), and its decoder beside it,
# named by its content as Trunk names the widget's files; otherwise the
# module as it is, and no decoder. The opener's module too, when the
# widget's is (the two share the decoder): a reader who opens a file or
# follows a link to another story downloads about 27 KB less.
packed=$wasm
opener=opener_bg.wasm
if [ "${TRUNK_PROFILE:-}" = release ] && command -v node > /dev/null && [ -f unlzma_bg.wasm ]; then
  node "${TRUNK_SOURCE_DIR:-.}/web/pack-wasm.mjs" "$wasm" unlzma_bg.wasm
  if [ -f "$wasm.lzma" ] && [ ! -f "$wasm" ]; then packed=$wasm.lzma; fi
  if [ "$packed" != "$wasm" ] && [ -f "$opener" ]; then
    node "${TRUNK_SOURCE_DIR:-.}/web/pack-wasm.mjs" "$opener" unlzma_bg.wasm
    if [ -f "$opener.lzma" ] && [ ! -f "$opener" ]; then opener=$opener.lzma; fi
  fi
fi
decoder=unlzma_bg.wasm
if [ "$packed" != "$wasm" ]; then
  hash=$(sha256sum unlzma_bg.wasm | cut -c1-16)
  [ ${#hash} -eq 16 ] || { echo "post-build: no sha256sum to name the decoder by" >&2; exit 1; }
  decoder=unlzma-$hash.wasm
  mv unlzma_bg.wasm "$decoder"
fi
rm -f unlzma.js
[ "$packed" != "$wasm" ] || rm -f unlzma_bg.wasm
sed -i "s/__APP_WASM__/$packed/g; s/__UNLZMA_WASM__/$decoder/g" boot.js
sed -i "s/__OPENER_WASM__/$opener/g; s/__UNLZMA_WASM__/$decoder/g" opener-worker.js

if command -v node > /dev/null; then
  node "${TRUNK_SOURCE_DIR:-.}/web/merge-loader.mjs" boot.js "$js"
  # The unpacker goes into the opener's worker too, from a copy (merging
  # removes the file merged).
  mkdir -p worker-lzma && cp lzma.js worker-lzma/lzma.js
  node "${TRUNK_SOURCE_DIR:-.}/web/merge-loader.mjs" opener-worker.js worker-lzma/lzma.js
  node "${TRUNK_SOURCE_DIR:-.}/web/merge-loader.mjs" boot.js lzma.js
  # A worker left as it was still imports the unpacker: it stays a file.
  [ ! -f worker-lzma/lzma.js ] || [ -f lzma.js ] || mv worker-lzma/lzma.js lzma.js
  rm -rf worker-lzma
fi
minify boot.js
minify opener-worker.js
