/// The status page (`GET /admin`): a summary and one sortable, filterable row per tenant.
/// Rendered on the server; the script only sorts, filters and swaps in a fresh copy of the
/// page every few seconds, keeping the operator's sort, filter and open details.
package enum StatusPageTemplate {
    package static let page = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ocmw-proxy status</title><style>{{{css}}}</style></head>
        <body>
        <header class="controls"><h1>ocmw-proxy status</h1>
        <form method="post" action="/admin/logout"><button type="submit">Sign out</button></form></header>
        <main>
        <section id="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <dl class="facts">
        <dt>Generated</dt><dd><time id="generated">{{generatedAt}}</time> (refreshes every 5 s; <span id="refresh-state">live</span>)</dd>
        <dt>Tenants</dt><dd>{{tenantCount}}: {{stateCounts}}</dd>
        <dt>Sick now</dt><dd id="sick-count">{{sickCount}}</dd>
        <dt>Routing index</dt><dd id="routing-index">{{routingIndex}}</dd>
        <dt>Door</dt><dd id="admission">{{admission}}</dd>
        {{#hasOutboxError}}<dt>Outbox</dt><dd>{{outboxError}}</dd>{{/hasOutboxError}}
        <dt>Last reload</dt><dd id="reload">{{#hasReload}}{{#hasReloaded}}<strong>{{reloadResult}}</strong> at {{reloadAt}} ({{reloadTrigger}}); {{/hasReloaded}}{{^hasReloaded}}none since start; {{/hasReloaded}}{{reloadCounts}}{{/hasReload}}{{^hasReload}}not started from a tenants file{{/hasReload}}
        {{#hasReloadProblems}}<ul>{{#reloadProblems}}<li>{{.}}</li>{{/reloadProblems}}</ul>{{/hasReloadProblems}}</dd>
        </dl>
        </section>
        <section aria-labelledby="tenants-title">
        <h2 id="tenants-title">Tenants</h2>
        <div class="controls">
        <label for="filter">Filter</label><input id="filter" type="search" placeholder="id, name, state…">
        <label for="state-filter">State</label><select id="state-filter"><option value="">all</option><option>active</option><option>onboarding</option><option>suspended</option></select>
        <label for="health-filter">Health</label><select id="health-filter"><option value="">all</option><option>sick</option><option>degraded</option><option>healthy</option><option>idle</option></select>
        <span id="shown" aria-live="polite"></span>
        </div>
        <table id="tenants">
        <caption>Every tenant with its state, circuit breaker, bulkhead and outbox, and its backend calls of the last {{windowMinutes}} minutes (latencies: the slowest part). Select a column heading to sort.</caption>
        <thead><tr>
        <th scope="col"><button type="button">OCMW</button></th>
        <th scope="col"><button type="button">State</button></th>
        <th scope="col"><button type="button">Health</button></th>
        <th scope="col"><button type="button">Breaker</button></th>
        <th scope="col" class="num"><button type="button">In flight</button></th>
        <th scope="col" class="num"><button type="button">Bulkhead rejections</button></th>
        <th scope="col" class="num"><button type="button">Calls</button></th>
        <th scope="col" class="num"><button type="button">Error rate</button></th>
        <th scope="col" class="num"><button type="button">p50</button></th>
        <th scope="col" class="num"><button type="button">p99</button></th>
        <th scope="col" class="num"><button type="button">Outbox backlog</button></th>
        <th scope="col" class="num"><button type="button">Failed submissions</button></th>
        <th scope="col">Per part</th>
        </tr></thead>
        <tbody>
        {{#rows}}
        <tr id="tenant-{{id}}" data-tenant="{{id}}" data-state="{{state}}" data-health="{{health}}" data-search="{{search}}">
        <th scope="row" data-sort="{{name}}">{{name}} <span class="id">{{id}} · {{dialect}}</span></th>
        <td data-sort="{{state}}"><span class="badge state-{{state}}">{{state}}</span></td>
        <td data-sort="{{healthRank}}" class="health"><span class="badge health-{{health}}">{{healthSymbol}} {{health}}</span></td>
        <td data-sort="{{breakerRank}}" class="breaker">{{breakerLabel}}{{#hasBreakerRejected}} ({{breakerRejected}} refused){{/hasBreakerRejected}}</td>
        <td class="num" data-sort="{{inFlight}}">{{inFlight}}{{#hasQueued}} (+{{queued}} queued){{/hasQueued}}</td>
        <td class="num" data-sort="{{bulkheadRejected}}">{{bulkheadRejected}}</td>
        <td class="num" data-sort="{{calls}}">{{calls}}</td>
        <td class="num error-rate" data-sort="{{errorRateValue}}">{{errorRate}}</td>
        <td class="num" data-sort="{{p50Value}}">{{p50}}</td>
        <td class="num" data-sort="{{p99Value}}">{{p99}}</td>
        <td class="num" data-sort="{{outboxBacklog}}">{{outboxBacklog}}</td>
        <td class="num" data-sort="{{outboxFailed}}">{{outboxFailed}}</td>
        <td data-sort="{{calls}}">{{#hasParts}}<details data-tenant="{{id}}"><summary>{{partCount}} parts</summary>
        <table><caption class="sr">Calls of {{name}} per part</caption>
        <thead><tr><th scope="col">Part</th><th scope="col" class="num">Calls</th><th scope="col" class="num">Errors</th><th scope="col" class="num">p50</th><th scope="col" class="num">p99</th></tr></thead>
        <tbody>{{#parts}}<tr><th scope="row">{{part}}</th><td class="num">{{calls}}</td><td class="num">{{errorRate}}</td><td class="num">{{p50}}</td><td class="num">{{p99}}</td></tr>{{/parts}}</tbody>
        </table></details>{{/hasParts}}{{^hasParts}}no calls{{/hasParts}}</td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        <p class="note">Machine-readable: <a href="/admin/status.json">/admin/status.json</a>.</p>
        </section>
        </main>
        <script>{{{script}}}</script>
        </body>
        </html>
        """

    /// Sorting, filtering and the refresh. Kept in one constant so the page's CSP can allow
    /// exactly this script by its hash.
    package static let script = """
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
        """
}
