// Scan with the camera where the browser has BarcodeDetector (Chrome on Android, Safari 17+):
// the code read fills the form's field and submits it, so the server answers as for a typed
// code. Without JavaScript or BarcodeDetector the button stays hidden; the photo upload works
// everywhere.
(function () {
  "use strict";
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var form = document.getElementById("check-form");
  var field = document.getElementById("code");
  var button = document.getElementById("scan");
  var panel = document.getElementById("camera");
  var video = document.getElementById("camera-video");
  var status = document.getElementById("camera-status");
  var stopButton = document.getElementById("camera-stop");
  if (!form || !field || !button || !panel || !video) {
    return;
  }
  var stream = null;
  var timer = 0;

  function stop() {
    clearTimeout(timer);
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
    video.srcObject = null;
    panel.hidden = true;
    button.hidden = false;
  }

  function scan(detector) {
    if (!stream) {
      return;
    }
    detector.detect(video).then(function (codes) {
      if (codes.length > 0 && codes[0].rawValue) {
        field.value = codes[0].rawValue;
        stop();
        form.submit();
        return;
      }
      timer = setTimeout(function () { scan(detector); }, 200);
    }, function () {
      timer = setTimeout(function () { scan(detector); }, 500);
    });
  }

  function start() {
    var formats = ["qr_code", "data_matrix"];
    Promise.resolve(BarcodeDetector.getSupportedFormats ? BarcodeDetector.getSupportedFormats() : formats)
      .then(function (supported) {
        var use = formats.filter(function (f) { return supported.indexOf(f) >= 0; });
        if (use.length === 0) {
          throw new Error("This browser cannot read QR codes from the camera; send a photo instead.");
        }
        var detector = new BarcodeDetector({ formats: use });
        return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
          .then(function (s) {
            stream = s;
            video.srcObject = s;
            panel.hidden = false;
            button.hidden = true;
            status.textContent = "Hold the code inside the frame.";
            return video.play().then(function () { scan(detector); });
          });
      })
      .catch(function (err) {
        stop();
        var p = document.getElementById("code-error") || document.createElement("p");
        p.id = "code-error";
        p.className = "field-error";
        p.textContent = err && err.name === "NotAllowedError"
          ? "The camera was not allowed. Allow it in the browser's settings, or send a photo of the code."
          : (err && err.message) || "The camera could not be started; send a photo of the code instead.";
        field.setAttribute("aria-describedby", "code-error");
        field.insertAdjacentElement("afterend", p);
      });
  }

  button.hidden = false;
  button.addEventListener("click", start);
  if (stopButton) {
    stopButton.addEventListener("click", stop);
  }
  window.addEventListener("pagehide", stop);
})();
