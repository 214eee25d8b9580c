/*! qitar embed loader: turns <div data-qitar-src="URL"> into an auto-height
 * iframe. No dependencies. A height message is accepted only from that
 * iframe's own window and origin; nothing in a message is ever evaluated or
 * navigated to. */
(function () {
  'use strict';
  var MIN = 150, MAX = 30000, frames = [], n = 0;

  function originOf(url) {
    try { return new URL(url, location.href).origin; } catch (e) { return null; }
  }

  function mount(el) {
    if (el.getAttribute('data-qitar-mounted')) return;
    var src = el.getAttribute('data-qitar-src');
    var origin = src && originOf(src);
    if (!origin || !/^https?:/.test(new URL(src, location.href).protocol)) return;
    var id = 'qitar-' + (++n);
    var url = new URL(src, location.href);
    var lang = el.getAttribute('data-qitar-lang');
    if (lang === 'ar' || lang === 'en') url.searchParams.set('lang', lang);
    url.searchParams.set('id', id);
    var f = document.createElement('iframe');
    f.src = url.href;
    f.title = el.getAttribute('data-qitar-title') || (lang === 'en' ? 'Interactive graphic' : 'رسم تفاعلي');
    f.loading = 'lazy';
    f.setAttribute('scrolling', 'no');
    f.setAttribute('allow', 'clipboard-write');
    if (el.hasAttribute('data-qitar-sandbox')) f.setAttribute('sandbox', 'allow-scripts allow-popups');
    f.style.cssText = 'display:block;width:100%;min-width:280px;border:0;height:' + (el.getAttribute('data-qitar-height') || 720) + 'px';
    el.setAttribute('data-qitar-mounted', '1');
    el.appendChild(f);
    // A sandboxed frame without allow-same-origin has the opaque origin "null".
    var sandbox = f.getAttribute('sandbox');
    var opaque = sandbox !== null && !/allow-same-origin/.test(sandbox);
    frames.push({ el: f, id: id, origin: opaque ? 'null' : origin });
  }

  function onMessage(e) {
    for (var i = 0; i < frames.length; i++) {
      var fr = frames[i];
      if (e.source !== fr.el.contentWindow || e.origin !== fr.origin) continue;
      var d = e.data, h;
      if (typeof d !== 'string' || d.length > 200) return;
      try { d = JSON.parse(d); } catch (err) { return; }
      if (!d || d.type !== 'qitar:height' || d.id !== fr.id) return;
      h = Number(d.height);
      if (!isFinite(h)) return;
      fr.el.style.height = Math.min(MAX, Math.max(MIN, Math.round(h))) + 'px';
      tell(fr);
      return;
    }
  }

  // The frame cannot see the host's viewport; tell it the height.
  function tell(fr) {
    if (fr.el.contentWindow) {
      fr.el.contentWindow.postMessage(JSON.stringify({ type: 'qitar:viewport', height: window.innerHeight }), fr.origin === 'null' ? '*' : fr.origin);
    }
  }

  function scan() {
    var els = document.querySelectorAll('[data-qitar-src]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }

  window.addEventListener('message', onMessage);
  window.addEventListener('resize', function () { frames.forEach(tell); });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
