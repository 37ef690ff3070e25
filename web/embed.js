/* Dossier embed: turns <div data-dossier-src="https://host/path/#view">
   into a responsive iframe whose height follows the widget's content.
   No dependencies. It accepts height messages only from the iframes it made,
   in pym.js form ("pymxPYMx<id>xPYMxheightxPYMx<px>") or Datawrapper form
   ({"datawrapper-height": {<id>: <px>}}), and answers with pym's "width".
   It scrolls the page to a point of the widget when asked as pym.js asks
   ("pymxPYMx<id>xPYMxscrollToChildPosxPYMx<px>"), which the widget does only
   for what the reader pressed (a quote's paragraph opened). */
(function () {
  'use strict';
  if (window.dossierEmbed) return;
  var frames = [];
  var count = 0;

  function height(data, id) {
    var px = null;
    if (typeof data === 'string') {
      var m = /^pymxPYMx(.+?)xPYMxheightxPYMx(\d{1,6})$/.exec(data);
      if (m && m[1] === id) px = +m[2];
    } else if (data && typeof data === 'object' && data['datawrapper-height']) {
      var v = data['datawrapper-height'][id];
      if (typeof v === 'number') px = v;
    }
    return px !== null && px > 0 && px < 100000 ? Math.ceil(px) : null;
  }

  function sendWidth(f) {
    if (f.iframe.contentWindow) {
      f.iframe.contentWindow.postMessage('pymxPYMx' + f.id + 'xPYMxwidthxPYMx' + f.iframe.offsetWidth, f.origin);
    }
  }

  function embed(el) {
    if (el.getAttribute('data-dossier-ready')) return;
    var url;
    try {
      url = new URL(el.getAttribute('data-dossier-src'), location.href);
    } catch (e) {
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    var id = 'dossier-' + ++count;
    url.searchParams.set('embed', '');
    url.searchParams.set('childId', id);
    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = el.getAttribute('data-dossier-title') || 'Dossier: the facts of the story, explorable';
    iframe.setAttribute('loading', 'lazy');
    // Scripts and same-origin for the widget, pop-ups for its links (which
    // open in a new tab); no top navigation: it cannot move the host page.
    iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.setAttribute('scrolling', 'no');
    iframe.style.cssText = 'display:block;width:100%;border:0;height:' + (parseInt(el.getAttribute('data-dossier-height'), 10) || 900) + 'px';
    el.setAttribute('data-dossier-ready', '1');
    el.appendChild(iframe);
    var f = { id: id, iframe: iframe, origin: url.origin };
    iframe.addEventListener('load', function () { sendWidth(f); });
    frames.push(f);
  }

  function scan() {
    var els = document.querySelectorAll('[data-dossier-src]');
    for (var i = 0; i < els.length; i++) embed(els[i]);
  }

  window.addEventListener('message', function (e) {
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (e.source !== f.iframe.contentWindow || e.origin !== f.origin) continue;
      var px = height(e.data, f.id);
      if (px) f.iframe.style.height = px + 'px';
      var to = typeof e.data === 'string' && /^pymxPYMx(.+?)xPYMxscrollToChildPosxPYMx(\d{1,6})$/.exec(e.data);
      if (to && to[1] === f.id) window.scrollTo(0, f.iframe.getBoundingClientRect().top + window.pageYOffset + +to[2]);
      return;
    }
  });

  var timer;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { frames.forEach(sendWidth); }, 100);
  });

  window.dossierEmbed = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
