// Optional enhancements only; every page works without JavaScript (UI.md).
(function () {
  var KEY = 'juece-large-text';
  if (localStorage.getItem(KEY) === '1') { document.documentElement.classList.add('large-text'); }
  document.addEventListener('click', function (e) {
    if (e.target && e.target.id === 'toggle-large-text') {
      e.preventDefault();
      var on = document.documentElement.classList.toggle('large-text');
      localStorage.setItem(KEY, on ? '1' : '0');
    }
  });
  // A link to a part of the page inside a closed section (<details>) opens that section (the server opens it too).
  function openTarget() {
    var el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var e = el; e; e = e.parentElement) { if (e.tagName === 'DETAILS') { e.open = true; } }
    if (el) { el.scrollIntoView(); }
  }
  // A form that removes something asks once more (data-confirm); without JavaScript it submits as it is.
  document.addEventListener('submit', function (e) {
    var message = e.target && e.target.getAttribute && e.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { e.preventDefault(); }
  });
  window.addEventListener('hashchange', openTarget);
  document.addEventListener('DOMContentLoaded', openTarget);
})();
