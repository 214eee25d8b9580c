// Demo host wiring. `?app=<url>` points both embeds at another build of the
// graphic (the tests use it to load the graphic from a different origin).
(function () {
  var params = new URLSearchParams(location.search);
  var app = params.get('app') || '../';
  var ar = document.getElementById('embed-ar');
  ar.setAttribute('data-qitar-src', app);
  if (params.get('sandbox') === '1') ar.setAttribute('data-qitar-sandbox', '');
  window.qitarPym = new pym.Parent('pym-en', new URL('en.html', new URL(app, location.href)).href, {
    title: 'The extremism express: interactive graphic',
  });
})();
