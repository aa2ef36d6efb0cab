/* A small calendar in Thai for date boxes marked data-be-date (Buddhist-era years, Thai digits).
 *
 * No dependencies, no inline script or style (the Content Security Policy forbids both).
 * The box stays a plain text box: typing "31/10/2565" or "๓๑/๑๐/๒๕๖๕" works without the calendar;
 * the server reads either. The calendar writes the date back as วว/ดด/ปปปป (พ.ศ.).
 */
(function () {
  "use strict";
  var MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
    "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];
  var DAYS = ["อา", "จ", "อ", "พ", "พฤ", "ศ", "ส"];
  var DAY_NAMES = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"];
  var THAI = "๐๑๒๓๔๕๖๗๘๙";
  var BE = 543;

  function thai(text) {
    return String(text).replace(/[0-9]/g, function (d) { return THAI[+d]; });
  }
  function arabic(text) {
    return String(text).replace(/[๐-๙]/g, function (d) { return String(THAI.indexOf(d)); });
  }
  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function parse(value) {
    var m = arabic(value || "").trim().match(/^(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{2}|\d{4})$/);
    if (!m) { return null; }
    var year = +m[3];
    if (m[3].length === 2) { year += 2500; }
    var date = new Date(year - BE, +m[2] - 1, +m[1]);
    return isNaN(date.getTime()) ? null : date;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function Picker(input) {
    this.input = input;
    this.digits = input.getAttribute("data-digits") === "arabic" ? String : thai;
    this.button = el("button", { type: "button", "class": "be-date__button",
      "aria-haspopup": "dialog", "aria-expanded": "false",
      "aria-label": "เลือกวันที่จากปฏิทิน" }, "ปฏิทิน");
    input.insertAdjacentElement("afterend", this.button);
    this.panel = null;
    var self = this;
    this.button.addEventListener("click", function () { self.panel ? self.close() : self.open(); });
  }

  Picker.prototype.write = function (date) {
    var text = pad(date.getDate()) + "/" + pad(date.getMonth() + 1) + "/" + (date.getFullYear() + BE);
    this.input.value = this.digits(text);
    this.input.dispatchEvent(new Event("change", { bubbles: true }));
  };

  Picker.prototype.open = function () {
    var chosen = parse(this.input.value);
    var today = new Date();
    this.chosen = chosen;
    this.shown = new Date((chosen || today).getFullYear(), (chosen || today).getMonth(), 1);
    this.panel = el("div", { "class": "be-date__panel", role: "dialog", "aria-label": "ปฏิทิน (พ.ศ.)" });
    this.button.insertAdjacentElement("afterend", this.panel);
    this.button.setAttribute("aria-expanded", "true");
    var self = this;
    this.onKey = function (event) { if (event.key === "Escape") { self.close(); self.button.focus(); } };
    this.onOutside = function (event) {
      if (self.panel && !self.panel.contains(event.target) && event.target !== self.button) { self.close(); }
    };
    document.addEventListener("keydown", this.onKey);
    document.addEventListener("mousedown", this.onOutside);
    this.render();
    var focus = this.panel.querySelector("[aria-current=date], [data-today], .be-date__day");
    if (focus) { focus.focus(); }
  };

  Picker.prototype.close = function () {
    if (!this.panel) { return; }
    this.panel.remove();
    this.panel = null;
    this.button.setAttribute("aria-expanded", "false");
    document.removeEventListener("keydown", this.onKey);
    document.removeEventListener("mousedown", this.onOutside);
  };

  Picker.prototype.render = function () {
    var self = this;
    var year = this.shown.getFullYear();
    var month = this.shown.getMonth();
    this.panel.textContent = "";

    var head = el("div", { "class": "be-date__head" });
    var prev = el("button", { type: "button", "aria-label": "เดือนก่อน" }, "‹");
    var next = el("button", { type: "button", "aria-label": "เดือนถัดไป" }, "›");
    var monthSelect = el("select", { "aria-label": "เดือน" });
    MONTHS.forEach(function (name, i) {
      var option = el("option", { value: String(i) }, name);
      if (i === month) { option.selected = true; }
      monthSelect.appendChild(option);
    });
    var yearSelect = el("select", { "aria-label": "ปี พ.ศ." });
    for (var y = year - 10; y <= year + 10; y++) {
      var option = el("option", { value: String(y) }, self.digits(y + BE));
      if (y === year) { option.selected = true; }
      yearSelect.appendChild(option);
    }
    prev.addEventListener("click", function () { self.move(-1); });
    next.addEventListener("click", function () { self.move(1); });
    monthSelect.addEventListener("change", function () { self.shown.setMonth(+monthSelect.value); self.render(); });
    yearSelect.addEventListener("change", function () { self.shown.setFullYear(+yearSelect.value); self.render(); });
    head.appendChild(prev);
    head.appendChild(monthSelect);
    head.appendChild(yearSelect);
    head.appendChild(next);
    this.panel.appendChild(head);

    var table = el("table", { "class": "be-date__grid", role: "grid" });
    var row = el("tr");
    DAYS.forEach(function (name, i) { row.appendChild(el("th", { scope: "col", abbr: DAY_NAMES[i] }, name)); });
    var thead = el("thead");
    thead.appendChild(row);
    table.appendChild(thead);
    var body = el("tbody");
    var first = new Date(year, month, 1).getDay();
    var days = new Date(year, month + 1, 0).getDate();
    var today = new Date();
    row = el("tr");
    for (var blank = 0; blank < first; blank++) { row.appendChild(el("td")); }
    for (var day = 1; day <= days; day++) {
      var date = new Date(year, month, day);
      var cell = el("td");
      var button = el("button", { type: "button", "class": "be-date__day",
        "aria-label": DAY_NAMES[date.getDay()] + " " + self.digits(day) + " " + MONTHS[month] + " " + self.digits(year + BE) },
        self.digits(day));
      if (self.chosen && date.getTime() === self.chosen.getTime()) { button.setAttribute("aria-current", "date"); }
      if (date.toDateString() === today.toDateString()) { button.setAttribute("data-today", ""); }
      button.addEventListener("click", (function (d) {
        return function () { self.write(d); self.close(); self.input.focus(); };
      })(date));
      cell.appendChild(button);
      row.appendChild(cell);
      if (date.getDay() === 6) { body.appendChild(row); row = el("tr"); }
    }
    if (row.children.length) { body.appendChild(row); }
    table.appendChild(body);
    this.panel.appendChild(table);

    var foot = el("div", { "class": "be-date__foot" });
    var todayButton = el("button", { type: "button" }, "วันนี้");
    todayButton.addEventListener("click", function () { self.write(new Date()); self.close(); self.input.focus(); });
    var closeButton = el("button", { type: "button" }, "ปิด");
    closeButton.addEventListener("click", function () { self.close(); self.button.focus(); });
    foot.appendChild(todayButton);
    foot.appendChild(closeButton);
    this.panel.appendChild(foot);
  };

  Picker.prototype.move = function (months) {
    this.shown.setMonth(this.shown.getMonth() + months);
    this.render();
  };

  function attach(root) {
    (root || document).querySelectorAll("input[data-be-date]").forEach(function (input) {
      if (input.beDatePicker || (input.name && input.name.indexOf("__prefix__") !== -1)) { return; }
      input.beDatePicker = new Picker(input);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { attach(document); });
  // Rows added to an admin inline ("เพิ่ม...") get their calendar too.
  document.addEventListener("formset:added", function (event) { attach(event.target); });
  window.beDatePicker = { parse: parse, attach: attach };
})();
