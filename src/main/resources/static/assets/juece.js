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
})();
