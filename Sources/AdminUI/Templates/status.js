(function () {
  var table = document.getElementById('tenants');
  var filter = document.getElementById('filter');
  var stateFilter = document.getElementById('state-filter');
  var healthFilter = document.getElementById('health-filter');
  var shown = document.getElementById('shown');
  var sortColumn = -1, sortDirection = 1, refreshes = 0;
  function body() { return table.tBodies[0]; }
  function apply() {
    var q = filter.value.trim().toLowerCase(), s = stateFilter.value, h = healthFilter.value, n = 0;
    var rows = body().rows;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!q || r.dataset.search.indexOf(q) >= 0) && (!s || r.dataset.state === s) && (!h || r.dataset.health === h);
      r.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = n + ' of ' + rows.length + ' tenants shown';
  }
  function sort() {
    if (sortColumn < 0) return;
    var rows = Array.prototype.slice.call(body().rows);
    rows.sort(function (a, b) {
      var x = a.cells[sortColumn].dataset.sort, y = b.cells[sortColumn].dataset.sort;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return c * sortDirection;
    });
    var tbody = body();
    rows.forEach(function (r) { tbody.appendChild(r); });
  }
  var headers = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(headers, function (th, index) {
    var button = th.querySelector('button');
    if (!button) return;
    button.addEventListener('click', function () {
      sortDirection = sortColumn === index ? -sortDirection : (index >= 2 ? -1 : 1);
      sortColumn = index;
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDirection > 0 ? 'ascending' : 'descending');
      sort(); apply();
    });
  });
  [filter, stateFilter, healthFilter].forEach(function (c) { c.addEventListener('input', apply); });
  function refresh() {
    if (document.hidden) return;
    fetch(location.pathname, {credentials: 'same-origin', headers: {'Accept': 'text/html'}}).then(function (r) {
      if (!r.ok) throw new Error('status ' + r.status);
      return r.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      var open = {};
      table.querySelectorAll('details[open]').forEach(function (d) { open[d.dataset.tenant] = true; });
      body().replaceWith(document.adoptNode(fresh.querySelector('#tenants > tbody')));
      table.querySelectorAll('details').forEach(function (d) { if (open[d.dataset.tenant]) d.open = true; });
      document.getElementById('summary').replaceWith(document.adoptNode(fresh.getElementById('summary')));
      refreshes++;
      document.getElementById('refresh-state').textContent = 'live, refreshed ' + refreshes + ' times';
      sort(); apply();
    }).catch(function (e) {
      var state = document.getElementById('refresh-state');
      if (state) state.textContent = 'refresh failed (' + e.message + ')';
    });
  }
  apply();
  setInterval(refresh, 5000);
})();
