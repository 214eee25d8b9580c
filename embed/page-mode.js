/*
 * The page's mode, from its URL, before the first paint (the app starts
 * later, and nothing may change under the reader's eyes when it does):
 * ?theme=light|dark, and, in a frame or with ?embed=1, the embed layout and
 * the host's look: ?bg= ?accent= ?ink= ?paper= colours (hex, or
 * "transparent" for bg), ?font= ?font-ui= font families (put before the
 * defaults, which stay as fallbacks), and ?offset= the height in px of the
 * host's sticky header, which the track keeps clear of.
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
  // Another story is on its way (?story=): the built-in one, prerendered
  // here, must not show under its address. The app removes the class when
  // it takes the page over.
  if ((q.get('story') || '').trim()) root.classList.add('remote-story');
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
  // Six hex digits always: the charts read these values back.
  function colour(raw) {
    var v = (raw || '').trim();
    if (v.toLowerCase() === 'transparent') return 'transparent';
    v = v.replace(/^#/, '').toLowerCase();
    if (/^[0-9a-f]{3}$/.test(v)) v = v.replace(/./g, '$&$&');
    return /^[0-9a-f]{6}$/.test(v) ? '#' + v : null;
  }
  var style = root.style;
  var bg = colour(q.get('bg'));
  if (bg) style.setProperty('--page-bg', bg);
  [['accent', '--accent'], ['ink', '--ink'], ['paper', '--paper']].forEach(function (p) {
    var c = colour(q.get(p[0]));
    if (c && c !== 'transparent') style.setProperty(p[1], c);
  });
  // Family names only: letters, digits, spaces, hyphens, quotes and commas.
  function families(raw) {
    var v = (raw || '').trim();
    return v.length && v.length <= 200 && /^[\p{L}\p{N} ,'"-]+$/u.test(v) ? v : null;
  }
  var css = getComputedStyle(root);
  [['font', ['--font-ar', '--font-en']], ['font-ui', ['--font-ar-ui', '--font-en-ui']]].forEach(function (p) {
    var f = families(q.get(p[0]));
    if (f) p[1].forEach(function (name) { style.setProperty(name, f + ', ' + css.getPropertyValue(name)); });
  });
  var offset = Number(q.get('offset'));
  if (offset > 0 && offset <= 300) style.setProperty('--host-offset', Math.round(offset) + 'px');
})();
