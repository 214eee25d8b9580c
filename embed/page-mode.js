/*
 * The page's mode, from its URL, before the first paint (the app starts
 * later, and nothing may change under the reader's eyes when it does):
 * ?theme=light|dark, and, in a frame or with ?embed=1, the embed layout and
 * the host's ?bg= and ?accent= colours (hex or "transparent" only).
 * It also sends a reader who asked for another language to that language's
 * page. A classic script in <head>, so it runs before anything is drawn.
 */
(function () {
  var q = new URLSearchParams(location.search);
  var root = document.documentElement;
  // Each language has its own prerendered page (data-pages="ar=index.html
  // en=en.html"): a reader who asks for another one goes there at once.
  var want = q.get('lang');
  var pages = {};
  (root.getAttribute('data-pages') || '').split(' ').forEach(function (pair) {
    var kv = pair.split('=');
    if (kv.length === 2) pages[kv[0]] = kv[1];
  });
  if (want && want !== root.lang && pages[want] && !q.has('story')) {
    location.replace(pages[want] + location.search + location.hash);
    return;
  }
  var theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  var framed;
  try {
    framed = window.top !== window.self;
  } catch (e) {
    framed = true;
  }
  var asked = q.get('embed');
  if (!(framed || asked === '1' || asked === 'true')) return;
  root.classList.add('embed');
  function colour(raw) {
    var v = (raw || '').trim();
    if (v.toLowerCase() === 'transparent') return 'transparent';
    v = v.replace(/^#/, '');
    return /^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v) ? '#' + v.toLowerCase() : null;
  }
  var bg = colour(q.get('bg'));
  var accent = colour(q.get('accent'));
  if (bg) root.style.setProperty('--page-bg', bg);
  if (accent && accent !== 'transparent') root.style.setProperty('--accent', accent);
})();
