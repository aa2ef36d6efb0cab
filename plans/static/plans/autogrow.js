/* Text boxes in the admin grow with their text, so a foreword or a project's rationale is read and
 * edited whole instead of through a two-row slot. Up to 70% of the window; the box scrolls after that.
 * Setting a height from a script file is allowed by the Content Security Policy (no inline style). */
(function () {
  "use strict";
  function fit(box) {
    box.style.height = "auto";
    var most = Math.round(window.innerHeight * 0.7);
    box.style.height = Math.min(box.scrollHeight + 4, most) + "px";
    box.style.overflowY = box.scrollHeight + 4 > most ? "auto" : "hidden";
  }
  function attach(root) {
    (root || document).querySelectorAll("#content-main textarea").forEach(function (box) {
      if (box.dataset.autogrow) { return; }
      box.dataset.autogrow = "1";
      fit(box);
      box.addEventListener("input", function () { fit(box); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { attach(document); });
  document.addEventListener("formset:added", function (event) { attach(event.target); });
})();
