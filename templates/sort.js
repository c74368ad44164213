// Optional: click a column heading of the articles table to sort by it.
// The page works without this script (the table comes sorted by most problems).
(function () {
  "use strict";
  var table = document.querySelector("table.articles");
  if (!table || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.querySelectorAll("thead th[data-sort]"));
  function value(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell ? cell.getAttribute("data-value") || cell.textContent : "";
    return numeric ? Number(raw) || 0 : raw.toLowerCase();
  }
  heads.forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent.trim();
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var numeric = th.getAttribute("data-sort") === "number";
      var current = th.getAttribute("aria-sort");
      var descending = current ? current === "ascending" : numeric;
      var index = th.cellIndex;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, index, numeric), y = value(b, index, numeric);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return (descending ? -order : order) ||
          Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"));
      });
      rows.forEach(function (row) { body.appendChild(row); });
      heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    });
  });
}());
