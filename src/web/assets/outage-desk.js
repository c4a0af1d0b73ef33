// Progressive enhancement only: the form works without this file.
(function () {
  'use strict';
  var tz = document.getElementById('tzOffset');
  // Minutes to add to local time to get UTC; the server reads datetime-local values with it.
  if (tz) tz.value = String(new Date().getTimezoneOffset());
  // An error summary or notice takes focus, so a screen reader reads it first.
  var alert = document.getElementById('error-summary') || document.getElementById('notice');
  if (alert && document.activeElement !== alert) alert.focus();
  // Typing a time picks the matching "Earlier" / "Yes" answer.
  function pick(inputId, radioId) {
    var input = document.getElementById(inputId);
    var radio = document.getElementById(radioId);
    if (input && radio) input.addEventListener('input', function () { if (input.value) radio.checked = true; });
  }
  pick('startedAtLocal', 'started-earlier');
  pick('endedAtLocal', 'ended-yes');
  // One tap sends one report: stop a double tap from sending it twice.
  var form = document.querySelector('form.od-form');
  if (form) form.addEventListener('submit', function () {
    var button = form.querySelector('button[type=submit]');
    setTimeout(function () { if (button) button.disabled = true; }, 0);
  });
  // Coming back with the Back button restores the page as it was: make the button usable again.
  window.addEventListener('pageshow', function () {
    var button = form && form.querySelector('button[type=submit]');
    if (button) button.disabled = false;
  });
})();
