/*
 * A figure's share page (s/*.html) is what link previews and readers
 * without JavaScript read. With JavaScript the reader goes straight to the
 * graphic with the figure's card open: <html data-open> names it, relative
 * to this page. A classic script in <head>, so the page is never drawn, and
 * location.replace, so Back leaves for where the reader came from.
 */
(function () {
  var to = document.documentElement.getAttribute('data-open');
  if (to) location.replace(new URL(to, location.href).href);
})();
