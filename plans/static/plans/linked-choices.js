/* Options that follow another select (plans/choices.py, LinkedSelect): only the chosen parent's show.
 * Options without a parent (data-parent="") stay visible. The server validates the pair regardless. */
(function () {
  "use strict";
  function link(select) {
    var form = select.form;
    var parent = form && form.elements[select.getAttribute("data-follows")];
    if (!parent) { return; }
    function update() {
      var chosen = parent.value;
      Array.prototype.forEach.call(select.querySelectorAll("option[data-parent]"), function (option) {
        var fits = !chosen || option.getAttribute("data-parent") === "" || option.getAttribute("data-parent") === chosen;
        option.hidden = !fits;
        option.disabled = !fits;
        if (!fits && option.selected) { select.value = ""; }
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
    }
    parent.addEventListener("change", update);
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-follows]").forEach(link);
  });
})();
