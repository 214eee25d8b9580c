/*! qitar embed loader: turns <div data-qitar-src="URL"> into an auto-height
 * iframe, now and whenever a page adds one later. No dependencies. A height
 * message is accepted only from that iframe's own window and origin; nothing
 * in a message is ever evaluated or navigated to. */
(function () {
  'use strict';
  if (window.qitar && window.qitar.scan) return; // loaded twice
  var MIN = 150, MAX = 30000, frames = [], n = 0, listening = false;
  // The graphic's height at standard frame widths, per language, measured
  // for this build (embed/heights.json; null when it was measured for
  // another story), so a frame is as tall as its content from the start.
  var HEIGHTS = /*QITAR_HEIGHTS*/null;
  // The table describes the graphic this file was built with: its pages
  // sit beside it.
  var self = document.currentScript && document.currentScript.src;
  var home = self ? new URL('./', self).href : null;
  function clampHeight(h) { return Math.min(MAX, Math.max(MIN, h)) + 'px'; }
  // Placeholder attribute → the graphic's URL parameter (checked again there).
  var PASS = { lang: 'lang', offset: 'offset', theme: 'theme', bg: 'bg', accent: 'accent', ink: 'ink', paper: 'paper', font: 'font', 'font-ui': 'font-ui' };

  // The height the graphic will report at this width: the measured
  // heights, interpolated; 0 when they do not describe this frame.
  function expected(url, width) {
    if (!HEIGHTS || !home || !width || url.searchParams.has('story')) return 0;
    var page = url.href.split(/[?#]/)[0];
    if (page.indexOf(home) !== 0) return 0;
    var file = page.slice(home.length), m = /^([a-z]{2})\.html$/.exec(file);
    if (file !== '' && file !== 'index.html' && !m) return 0;
    var lang = url.searchParams.get('lang') || (m ? m[1] : HEIGHTS['default']);
    var w = HEIGHTS.widths, h = /^[a-z]{2}$/.test(lang) && HEIGHTS[lang];
    if (!h) return 0;
    if (width <= w[0]) return h[0];
    for (var i = 1; i < w.length; i++) {
      if (width <= w[i]) return Math.round(h[i - 1] + (h[i] - h[i - 1]) * (width - w[i - 1]) / (w[i] - w[i - 1]));
    }
    return h[w.length - 1];
  }

  function mount(el) {
    if (el.getAttribute('data-qitar-mounted')) return;
    var src = el.getAttribute('data-qitar-src'), url;
    try { url = new URL(src, location.href); } catch (e) { return; }
    if (!/^https?:$/.test(url.protocol)) return;
    var id = 'qitar-' + (++n);
    for (var name in PASS) {
      var v = el.getAttribute('data-qitar-' + name);
      if (v !== null && v !== '') url.searchParams.set(PASS[name], v);
    }
    url.searchParams.set('id', id);
    // Where the reader is, so a shared link comes back to this article.
    url.searchParams.set('parentUrl', location.href.split('#')[0]);
    // A station or figure named in the article's address opens in the graphic.
    if (/^#(stat-[a-z0-9-]+|\d{4})$/i.test(location.hash)) url.hash = location.hash;
    var lang = url.searchParams.get('lang');
    var f = document.createElement('iframe');
    f.src = url.href;
    f.title = el.getAttribute('data-qitar-title') || (lang === 'en' ? 'Interactive graphic' : 'رسم تفاعلي');
    f.loading = 'lazy';
    f.setAttribute('scrolling', 'no');
    // "Copy link" and "Share" (the system's share sheet) in the card.
    f.setAttribute('allow', 'clipboard-write; web-share');
    if (el.hasAttribute('data-qitar-sandbox')) f.setAttribute('sandbox', 'allow-scripts allow-popups');
    var h = Number(el.getAttribute('data-qitar-height')) || expected(url, el.clientWidth) || 720;
    f.style.cssText = 'display:block;width:100%;min-width:280px;border:0;height:' + clampHeight(h);
    el.setAttribute('data-qitar-mounted', '1');
    // The <noscript> fallback link is for readers without scripts only.
    var fallback = el.querySelector('noscript');
    if (fallback) fallback.remove();
    el.appendChild(f);
    // A sandboxed frame without allow-same-origin has the opaque origin "null".
    var sandbox = f.getAttribute('sandbox');
    var opaque = sandbox !== null && !/allow-same-origin/.test(sandbox);
    frames.push({ el: f, id: id, origin: opaque ? 'null' : url.origin });
    listen(true);
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
      fr.el.style.height = clampHeight(Math.round(h));
      tell(fr);
      return;
    }
  }

  // The frame cannot see the host's viewport: tell it its height and where
  // the frame's top is in it, so the train follows the host's scroll exactly.
  function tell(fr) {
    if (fr.el.contentWindow) {
      var top = Math.round(fr.el.getBoundingClientRect().top * 10) / 10;
      fr.el.contentWindow.postMessage('qitar:viewport:' + window.innerHeight + ':' + top, fr.origin === 'null' ? '*' : fr.origin);
    }
  }

  function onResize() { frames.forEach(tell); }

  // At most once a frame.
  var queued = false;
  function onScroll() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () {
      queued = false;
      frames.forEach(tell);
    });
  }

  // Window listeners only while there is a frame to serve.
  function listen(on) {
    if (on === listening) return;
    listening = on;
    var method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('message', onMessage);
    window[method]('resize', onResize);
    window[method]('scroll', onScroll, { passive: true });
  }

  // Frames the page has removed are forgotten, and their listeners with them.
  function prune() {
    frames = frames.filter(function (fr) { return fr.el.isConnected; });
    if (!frames.length) listen(false);
  }

  function scan() {
    var els = document.querySelectorAll('[data-qitar-src]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
    prune();
  }

  // Pages built by scripts add (and remove) placeholders after load.
  var pending = false;
  function watch() {
    if (!window.MutationObserver) return;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      // One scan per burst of changes.
      setTimeout(function () { pending = false; scan(); }, 0);
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-qitar-src'] });
  }

  window.qitar = { scan: scan };
  function start() { scan(); watch(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
