// PharmaTrace role pages: small helps on top of forms that work without JavaScript.
(function () {
  'use strict';
  var GS = String.fromCharCode(29);

  // A keyboard-wedge scanner types the GS1 group separator as a control key (Ctrl+], or the
  // character 29 itself) that browsers do not put into a text field: put it in, so the server
  // gets the element string as scanned. (The server also copes when it is missing.)
  function insertAtCursor(input, text) {
    var s = input.selectionStart, e = input.selectionEnd;
    if (s == null) { input.value += text; return; }
    input.value = input.value.slice(0, s) + text + input.value.slice(e);
    input.selectionStart = input.selectionEnd = s + text.length;
  }
  document.querySelectorAll('input[data-gs1-scan]').forEach(function (input) {
    input.addEventListener('keydown', function (ev) {
      var isGS = ev.key === GS || ev.keyCode === 29 || ev.key === 'GroupSeparator' ||
        (ev.ctrlKey && !ev.altKey && (ev.key === ']' || ev.code === 'BracketRight'));
      if (isGS) { ev.preventDefault(); insertAtCursor(input, GS); }
    });
    input.focus();
  });

  // GTIN check digit: a hint as it is typed (the server checks again).
  function checkDigit(body) {
    var sum = 0;
    for (var i = body.length - 1, w = 3; i >= 0; i--, w = 4 - w) sum += (body.charCodeAt(i) - 48) * w;
    return (10 - (sum % 10)) % 10;
  }
  document.querySelectorAll('input[data-gtin]').forEach(function (input) {
    var hint = document.getElementById(input.id + '-hint');
    if (!hint) {
      hint = document.createElement('p');
      hint.id = input.id + '-hint';
      hint.className = 'gtin-hint hint';
      hint.setAttribute('aria-live', 'polite');
      input.insertAdjacentElement('afterend', hint);
    }
    var initial = hint.textContent;
    function update() {
      var v = input.value.replace(/\s+/g, '');
      hint.classList.remove('ok', 'bad');
      if (v === '') { hint.textContent = initial; return; }
      if (!/^\d+$/.test(v)) { hint.textContent = 'Digits only.'; hint.classList.add('bad'); return; }
      if (v.length < 8) { hint.textContent = v.length + ' digits so far.'; return; }
      if (v.length > 14) { hint.textContent = 'A GTIN has at most 14 digits.'; hint.classList.add('bad'); return; }
      var want = checkDigit(v.slice(0, -1));
      if (want === +v.slice(-1)) {
        hint.textContent = v.length === 14 ? 'Check digit correct.' : 'Check digit correct (' + v.length + ' digits; it is padded to 14 with zeros).';
        hint.classList.add('ok');
      } else {
        hint.textContent = 'Check digit should be ' + want + ' (the GTIN would be ' + v.slice(0, -1) + want + ').';
        hint.classList.add('bad');
      }
    }
    input.addEventListener('input', update);
    update();
  });

  // Batch registration progress: poll the small status endpoint instead of reloading the page.
  var box = document.getElementById('batch-progress');
  if (box && box.dataset.progressUrl && !box.querySelector('a.button')) {
    var bar = box.querySelector('progress'), text = document.getElementById('progress-text');
    var timer = setInterval(function () {
      fetch(box.dataset.progressUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (!p) return;
          if (p.registered) {
            bar.max = p.quantity; bar.value = p.published;
            text.textContent = 'Batch ' + p.lot + ': ' + p.published + ' of ' + p.quantity + ' packs published.';
          }
          if (p.done) { clearInterval(timer); location.reload(); }
        })
        .catch(function () {});
    }, 1000);
  }
})();
