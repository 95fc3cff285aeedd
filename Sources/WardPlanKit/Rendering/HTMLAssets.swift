import Foundation

/// The report page's style sheet and script, inline in the page, and the Content-Security-Policy
/// that allows exactly these two (by hash) and nothing else: no request can leave the page, and
/// no script or style that came in with a plan's text could run even if it were not escaped.
enum HTMLAssets {
    static let contentSecurityPolicy =
        "default-src 'none'; style-src '\(hash(css))'; script-src '\(hash(script))'; img-src data:; base-uri 'none'; form-action 'none'"

    static func hash(_ text: StaticString) -> String {
        "sha256-" + Data(SHA256.digest(Array(text.description.utf8))).base64EncodedString()
    }

    static let css: StaticString = """
        :root{--ink:#1b1f24;--muted:#535c67;--line:#cfd6de;--bg:#f4f6f8;--card:#fff;--head:#0a3d6b;--link:#0b57a4;\
        --bad:#9b1c1c;--badbg:#fde4e2;--warn:#6b4500;--warnbg:#fff0c7;--ok:#14532d;--okbg:#dcf2e3}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);\
        font:15px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
        a{color:var(--link)}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,.scroll:focus-visible,\
        [tabindex]:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
        .skip{position:absolute;left:-10000px;top:0}
        .skip:focus{left:8px;top:8px;z-index:20;background:#fff;padding:8px 12px}
        header.top{background:var(--head);color:#fff;padding:18px 28px 14px}
        header.top h1{margin:0 0 6px;font-size:1.55rem;line-height:1.25}
        header.top p{margin:2px 0;color:#eef3f9}
        nav.toc{position:sticky;top:0;z-index:10;background:#fff;border-bottom:1px solid var(--line);padding:6px 28px;\
        box-shadow:0 1px 3px rgba(0,0,0,.08)}
        nav.toc ul{list-style:none;margin:0;padding:2px 0;display:flex;gap:2px 18px;overflow-x:auto;white-space:nowrap}
        nav.toc a{text-decoration:none;font-weight:600}
        nav.toc a:hover{text-decoration:underline}
        form.picker{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center;padding:4px 0 2px;font-size:.9rem}
        form.picker[hidden]{display:none}
        form.picker label{font-weight:600}
        #pick-status{color:var(--muted)}
        main{padding:18px 28px;max-width:1680px}
        section.part{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 22px 20px;margin:0 0 22px}
        details.fold>summary{cursor:pointer;padding:2px 0}
        details.fold>summary>h3,details.fold>summary>h4{display:inline}
        details.fold>summary>strong{color:var(--head)}
        [id]{scroll-margin-top:52px}
        h2{margin:0 0 10px;font-size:1.35rem;color:var(--head)}
        h3{margin:20px 0 8px;font-size:1.1rem}
        h4{margin:14px 0 6px;font-size:1rem}
        .figures{display:flex;flex-wrap:wrap;gap:12px;margin:0 0 8px}
        .fig{border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:150px;background:#f8fafc}
        .fig dt{color:var(--muted);font-size:.9rem}
        .fig dd{margin:0;font-size:1.8rem;font-weight:700}
        .fig.bad dd{color:var(--bad)}
        ol.rank li,ul.follow li{margin:3px 0}
        ul.follow li.warn::marker{color:var(--bad)}
        ul.follow li.none{color:var(--muted)}
        .legend-title{margin:8px 0 0;font-weight:600;font-size:.9rem}
        .legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:8px 0 12px;font-size:.9rem}
        .sw{display:inline-block;min-width:2.6em;text-align:center;border:1px solid var(--line);border-radius:3px;padding:0 4px;font-weight:700}
        .scroll{overflow:auto;max-width:100%;margin:6px 0 14px;border:1px solid var(--line);border-radius:6px}
        .scroll.capped{max-height:80vh}
        table{border-collapse:separate;border-spacing:0;min-width:100%;font-size:.9rem;background:#fff}
        caption{text-align:left;font-weight:700;padding:8px 10px;color:var(--head)}
        th,td{border-bottom:1px solid var(--line);border-right:1px solid #e4e8ed;padding:5px 8px;vertical-align:top;text-align:left}
        thead th{position:sticky;top:0;z-index:2;background:#e9eef4;font-weight:600;vertical-align:bottom}
        tfoot th,tfoot td{background:#f3f5f8;font-weight:600;border-top:2px solid var(--line)}
        tbody th[scope=row]{position:sticky;left:0;z-index:1;background:#fff;font-weight:600;white-space:nowrap}
        thead th:first-child{left:0;z-index:3}
        .matrix thead th{max-width:9.5em;min-width:5.5em;font-size:.82rem;line-height:1.25}
        td.n{text-align:center;font-variant-numeric:tabular-nums;min-width:3.2em;font-weight:600}
        td.n a{display:block;color:inherit;text-decoration:none;padding:2px 0}
        td.n a:hover{text-decoration:underline}
        .c0{background:var(--badbg);color:var(--bad)}
        .c0m{background:var(--warnbg);color:var(--warn)}
        .c0r{background:#ece6f5;color:#4b2a7b}
        .c0o{background:#eef0f3;color:var(--muted)}
        .c1{background:#e6f0fa}
        .c2{background:#c3daf1}
        .c3{background:#8dbbe6}
        .c4{background:#1d5a96;color:#fff}
        td.ok{background:var(--okbg);color:var(--ok)}
        td.bad{background:var(--badbg);color:var(--bad)}
        td.n.bad{background:none}
        td.warn{background:var(--warnbg);color:var(--warn)}
        td.ok a,td.bad a,td.warn a{color:inherit}
        li.bad,p.bad{color:var(--bad)}
        .muted,td.muted{color:var(--muted)}
        .star{color:#7a4f00}
        .opt{font-weight:400;color:var(--muted)}
        .nat{display:block;font-weight:400;font-size:.8rem;color:var(--muted)}
        .tv{display:block}
        table.targets thead th{min-width:11em}
        table.counts thead th{min-width:6em;max-width:12em}
        .badge{display:inline-block;margin-left:10px;padding:1px 8px;border-radius:10px;font-size:.85rem;font-weight:600}
        .badge.bad{background:var(--badbg);color:var(--bad)}
        .badge.ok{background:var(--okbg);color:var(--ok)}
        .badge.review{background:#ece6f5;color:#4b2a7b}
        article.gaps,article.profile{border-top:1px solid var(--line);margin-top:10px}
        article.gaps ol li{margin:4px 0}
        .note{color:var(--muted)}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0}
        .facts div{display:contents}
        .facts dt{color:var(--muted)}
        .facts dd{margin:0}
        .sub{font-weight:400;color:var(--muted)}
        .nw{white-space:nowrap}
        ul.cols{columns:2 24em;margin:4px 0;padding-left:1.2em}
        table.tasks{table-layout:fixed;width:100%;min-width:1180px}
        col.w-ward{width:8%}
        col.w-ref{width:4%}
        col.w-area{width:10%}
        col.w-themes{width:10%}
        col.w-text{width:25%}
        col.w-lead{width:11%}
        col.w-time{width:11%}
        col.w-products{width:11%}
        col.w-src{width:10%}
        table.tasks td{overflow-wrap:anywhere}
        table.list td.text{min-width:20em}
        .src{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.8rem;color:var(--muted)}
        td.bad .src,td.warn .src{color:inherit}
        .asw,.grp{display:block;font-size:.8rem;color:var(--muted)}
        .evi{font-size:.8rem;color:var(--muted)}
        td.bad .asw,td.warn .asw{color:inherit}
        ul.plain{list-style:none;margin:0;padding:0}
        ul.plain li+li{margin-top:3px}
        tr.group td{background:#f1f4f8;border-top:2px solid var(--line)}
        .sorted tr.group,.filtered tr.group{display:none}
        th button.sort{background:none;border:0;margin:0;padding:0;font:inherit;color:inherit;text-align:inherit;cursor:pointer;display:block}
        th button.sort::after{content:" \\2195";color:var(--muted);font-size:.8em}
        th[aria-sort=ascending] button.sort::after{content:" \\25B2"}
        th[aria-sort=descending] button.sort::after{content:" \\25BC"}
        th button.sort:focus-visible{outline:3px solid #c2410c}
        .filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:#f8fafc;border:1px solid var(--line);\
        border-radius:6px;padding:10px 12px;margin:8px 0}
        .filters[hidden]{display:none}
        .filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
        .filters fieldset{border:1px solid var(--line);border-radius:4px;padding:4px 8px;display:flex;flex-wrap:wrap;gap:4px 12px;margin:0}
        .filters fieldset label{flex-direction:row;font-weight:400;align-items:center;gap:4px}
        .filters legend{font-size:.85rem;font-weight:600}
        select,input,button{font:inherit}
        select{max-width:18em}
        .filters p{margin:0;width:100%;color:var(--muted)}
        label.tfilter{display:inline-flex;gap:6px;align-items:center;font-size:.85rem;margin-top:6px}
        figure.chart{margin:8px 0 14px;overflow-x:auto}
        figure.chart svg{max-width:100%;height:auto;background:#fff}
        .chart text{font-size:12px;fill:#1b1f24}
        .chart text.tick{font-size:11px;fill:#535c67;text-anchor:middle}
        .chart .axis{stroke:#8a949e;stroke-width:1}
        .chart line.nat{stroke:#1b1f24;stroke-width:3}
        .chart .mk.met circle{fill:#1a7f43;stroke:#fff;stroke-width:1}
        .chart .mk.below path{stroke:#b3261e;stroke-width:3;fill:none}
        .chart .mk.ctx circle{fill:#fff;stroke:#535c67;stroke-width:2}
        .chart text.ml,.chart text.halo{font-size:11px}
        .chart text.halo{fill:#fff;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
        .chart .mk.ctx text{fill:#535c67}
        .chart .mk.below text{fill:#9b1c1c}
        .chart .cs{fill:#535c67}
        figcaption{font-size:.85rem;color:var(--muted)}
        .chart text.lb{text-anchor:end}
        .chart text.cl{font-weight:700;fill:#0a3d6b}
        .gapchart .a0{fill:#0072b2}
        .gapchart .a1{fill:#e69f00}
        .gapchart .a2{fill:#009e73}
        .gapchart .a3{fill:#cc79a7}
        .gapchart .a4{fill:#56b4e9}
        .gapchart .a5{fill:#d55e00}
        .gapchart .a6{fill:#7a6a00}
        .gapchart .a7{fill:#535c67}
        footer.foot{padding:8px 28px 24px;color:var(--muted);font-size:.85rem}
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em}
        @media print{
        @page{size:A4 landscape;margin:10mm}
        body{background:#fff;font-size:9pt}
        nav.toc,.filters,.noprint,.skip,label.tfilter{display:none!important}
        th button.sort::after{content:none!important}
        header.top{background:#fff;color:#000;padding:0 0 6px;border-bottom:2px solid #000}
        header.top p{color:#000}
        main{padding:0;max-width:none}
        section.part{border:0;border-radius:0;padding:0;margin:0 0 14pt}
        caption{break-after:avoid}
        details.fold>summary{list-style:none}
        table.tasks{font-size:7.5pt}
        table.tasks .evi,table.tasks .grp{display:none}
        table.tasks .asw,table.tasks .src{font-size:7pt}
        col.w-ward{width:7%}
        col.w-ref{width:3%}
        col.w-area,col.w-themes{width:8%}
        col.w-text{width:30%}
        col.w-lead,col.w-time{width:10%}
        col.w-products{width:17%}
        col.w-src{width:7%}
        th button.sort{display:contents}
        body.picked figure.chart{display:none}
        body.picked #summary,body.picked #method,body.picked [id=registry],body.picked tfoot,body.picked p.lazy,\
        body.picked .gapchart>svg>g:not([data-ward]),body.picked .gapchart>svg>text{display:none!important}
        .scroll,.scroll.capped{overflow:visible;max-height:none;border:0}
        table{width:100%}
        thead th,tbody th[scope=row]{position:static}
        thead{display:table-header-group}
        tfoot{display:table-row-group}
        tr{break-inside:avoid}
        h2,h3,h4{break-after:avoid}
        a{color:inherit;text-decoration:none}
        *{-webkit-print-color-adjust:exact}
        table.tasks{min-width:0}
        }

        """

    static let script: StaticString = """
        (function () {
          'use strict';
          var each = function (list, f) { Array.prototype.forEach.call(list, f); };
          var fold = function (s) {
            return (s || '').normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[\\u0111\\u0110]/g, 'd').toLowerCase();
          };
          var folded = function (el) {
            if (el.wpText === undefined) { el.wpText = fold(el.textContent); }
            return el.wpText;
          };
          var numeric = /^-?\\d+(\\.\\d+)?$/;
          var compare = function (a, b) {
            if (a === b) { return 0; }
            if (a === '') { return 1; }
            if (b === '') { return -1; }
            if (numeric.test(a) && numeric.test(b)) { return parseFloat(a) - parseFloat(b); }
            return a.localeCompare(b, document.documentElement.lang);
          };
          var key = function (row, i) {
            var cell = row.cells[i];
            if (!cell) { return ''; }
            var v = cell.getAttribute('data-sort');
            return v !== null ? v : cell.textContent.trim();
          };
          var dataRows = function (table) {
            var rows = [];
            each(table.tBodies, function (b) { each(b.rows, function (r) { if (!r.classList.contains('group')) { rows.push(r); } }); });
            return rows;
          };
          var remember = function (table) {
            if (table.wpOrder) { return; }
            table.wpOrder = [];
            each(table.tBodies, function (b) { each(b.rows, function (r) { table.wpOrder.push([b, r]); }); });
          };
          var restore = function (table) {
            if (!table || !table.wpOrder) { return; }
            table.wpOrder.forEach(function (p) { p[0].appendChild(p[1]); });
            table.classList.remove('sorted');
            each(table.querySelectorAll('th[aria-sort]'), function (th) { th.removeAttribute('aria-sort'); });
          };
          var sortBy = function (table, th, index) {
            remember(table);
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            each(table.querySelectorAll('th[aria-sort]'), function (c) { c.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var rows = dataRows(table);
            rows.sort(function (x, y) { var c = compare(key(x, index), key(y, index)); return ascending ? c : -c; });
            // Rows of several ward bodies go to a body of their own, which no ward's filter hides.
            var body = table.tBodies[0];
            if (table.tBodies.length > 1) {
              if (!table.wpSorted) { table.wpSorted = table.appendChild(document.createElement('tbody')); }
              body = table.wpSorted;
            }
            rows.forEach(function (r) { body.appendChild(r); });
            table.classList.add('sorted');
          };
          var byId = function (id) { return document.getElementById(id); };
          // Sections off screen are not laid out until scrolled to (added here: the validator's CSS
          // checker does not know these properties yet); print lays out everything.
          var sheet = document.styleSheets[0];
          sheet.insertRule('@media screen{section.part{content-visibility:auto;contain-intrinsic-size:auto 1200px}}',
            sheet.cssRules.length);
          var setup = function (root) {
            each(root.querySelectorAll('table.sortable'), function (table) {
              if (!table.tHead || table.wpSortable) { return; }
              table.wpSortable = true;
              var head = table.tHead.rows[table.tHead.rows.length - 1];
              each(head.cells, function (th, index) {
                if (th.hasAttribute('data-nosort')) { return; }
                var button = document.createElement('button');
                button.type = 'button';
                button.className = 'sort';
                while (th.firstChild) { button.appendChild(th.firstChild); }
                th.appendChild(button);
                button.addEventListener('click', function () { sortBy(table, th, index); });
              });
            });
            each(root.querySelectorAll('table[data-filter]'), function (table) {
              if (table.wpFilter) { return; }
              table.wpFilter = true;
              var label = document.createElement('label');
              label.className = 'tfilter';
              label.appendChild(document.createTextNode(table.getAttribute('data-filter')));
              var input = document.createElement('input');
              input.type = 'search';
              label.appendChild(input);
              var region = table.parentNode;
              region.parentNode.insertBefore(label, region);
              input.addEventListener('input', function () {
                var q = fold(input.value.trim());
                each(table.tBodies, function (b) {
                  each(b.rows, function (r) {
                    var head = r.querySelector('th[scope=row]') || r;
                    r.hidden = q !== '' && folded(head).indexOf(q) < 0;
                  });
                });
              });
            });
          };
          setup(document);
          // A page of many wards keeps each ward's details as data (#wp-data, compressed), drawn
          // into their empty slots ([data-lazy]) when a block opens, a ward is picked or a link
          // leads there. The data is unpacked once, when first needed.
          var dataBlock = byId('wp-data');
          var parts = null;
          var waiting = null;
          var withData = function (f) {
            if (parts || !dataBlock) { parts = parts || {}; f(); return; }
            if (waiting) { waiting.push(f); return; }
            waiting = [f];
            var done = function (text) {
              parts = JSON.parse(text);
              var queue = waiting;
              waiting = null;
              queue.forEach(function (g) { g(); });
            };
            var text = dataBlock.textContent;
            if (dataBlock.getAttribute('data-encoding') === 'deflate-raw') {
              var binary = atob(text.trim()), bytes = new Uint8Array(binary.length);
              for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
              new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text().then(done);
            } else {
              done(JSON.parse(text));
            }
          };
          var fill = function (slot) {
            var k = slot.getAttribute('data-lazy');
            if (k === null) { return; }
            slot.removeAttribute('data-lazy');
            slot.innerHTML = parts[k] || '';
            if (slot.tagName !== 'TBODY') { setup(slot); }
          };
          var fillIn = function (el) {
            if (el.hasAttribute('data-lazy')) { fill(el); }
            each(el.querySelectorAll('[data-lazy]'), fill);
          };
          var lazyIn = function (el) { return el.hasAttribute('data-lazy') || el.querySelector('[data-lazy]') !== null; };
          document.addEventListener('toggle', function (e) {
            var d = e.target;
            if (d.open && lazyIn(d)) { withData(function () { fillIn(d); }); }
          }, true);
          var openWard = function (id, then) {
            withData(function () {
              each(document.querySelectorAll('[data-ward="' + CSS.escape(id) + '"]'), function (el) {
                fillIn(el);
                each(el.querySelectorAll('details'), function (d) { d.open = true; });
              });
              if (then) { then(); }
            });
          };
          var opened = function (target) {
            for (var p = target; p; p = p.parentElement) { if (p.tagName === 'DETAILS') { p.open = true; } }
            each(target.querySelectorAll(':scope > details'), function (d) { d.open = true; });
            return target;
          };
          // A link to a part not drawn yet: draw the part that holds the target, then go there.
          var reveal = function (id, e) {
            var target = byId(id);
            if (target) { return opened(target); }
            if (!dataBlock) { return null; }
            if (e) { e.preventDefault(); }
            withData(function () {
              var needle = 'id="' + id + '"';
              for (var k in parts) {
                if (parts[k].indexOf(needle) >= 0) {
                  var slot = document.querySelector('[data-lazy="' + CSS.escape(k) + '"]');
                  if (slot) { fill(slot); }
                  break;
                }
              }
              var found = byId(id);
              if (found) {
                opened(found).scrollIntoView();
                if (e) { history.pushState(null, '', '#' + id); }
              }
            });
            return null;
          };
          document.addEventListener('click', function (e) {
            var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
            if (!a || a.classList.contains('f') || e.button !== 0) { return; }
            reveal(decodeURIComponent(a.getAttribute('href').slice(1)), e);
          }, true);
          if (location.hash.length > 1) {
            var first = reveal(decodeURIComponent(location.hash.slice(1)));
            if (first) { first.scrollIntoView(); }
          }
          var form = byId('task-filters');
          var tasks = byId('task-table');
          var value = function (id) { var e = byId(id); return e ? e.value : ''; };
          var set = function (id, v) { var e = byId(id); if (e) { e.value = v || ''; } };
          var apply = function () {};
          if (form && tasks) {
            var status = byId('f-status');
            var has = function (list, v) { return (' ' + (list || '') + ' ').indexOf(' ' + v + ' ') >= 0; };
            apply = function () {
              var ward = value('f-ward'), area = value('f-area'), theme = value('f-theme');
              var office = value('f-office'), quarter = value('f-quarter'), text = fold(value('f-text').trim());
              var flags = [];
              each(form.querySelectorAll('input[name=flag]'), function (c) { if (c.checked) { flags.push(c.value); } });
              // A lazy page draws the tasks a filter needs: the ward's, or every ward's for any other filter.
              var needed = ward ? tasks.querySelectorAll('tbody[data-lazy][data-ward="' + CSS.escape(ward) + '"]') :
                area || theme || office || quarter || text || flags.length ? tasks.querySelectorAll('tbody[data-lazy]') : [];
              if (needed.length && !parts) { withData(apply); return; }
              each(needed, fill);
              var rows = tasks.querySelectorAll('tr.task');
              var shown = 0;
              each(rows, function (r) {
                var d = r.dataset;
                var ok = (!ward || d.ward === ward) && (!area || d.area === area) && (!theme || has(d.themes, theme)) &&
                  (!office || has(d.offices, office)) && (!quarter || d.quarter === quarter) &&
                  flags.every(function (f) { return has(d.flags, f); }) && (!text || folded(r).indexOf(text) >= 0);
                r.hidden = !ok;
                if (ok) { shown += 1; }
              });
              var total = parseInt(tasks.getAttribute('data-total'), 10);
              tasks.classList.toggle('filtered', shown !== total);
              status.textContent = status.getAttribute('data-template').replace('{0}', shown).replace('{1}', total);
            };
            form.hidden = false;
            form.addEventListener('input', apply);
            form.addEventListener('change', apply);
            form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
            form.addEventListener('submit', function (e) { e.preventDefault(); });
            var all = byId('f-all');
            if (all) {
              all.addEventListener('click', function () {
                withData(function () { each(tasks.querySelectorAll('tbody[data-lazy]'), fill); apply(); });
              });
            }
            status.tabIndex = -1;
            document.addEventListener('click', function (e) {
              var a = e.target.closest ? e.target.closest('a.f') : null;
              if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { return; }
              var cell = a.closest('td');
              var row = cell.parentNode;
              var table = row.closest('table');
              var head = table.tHead.rows[table.tHead.rows.length - 1].cells[cell.cellIndex];
              e.preventDefault();
              form.reset();
              set('f-ward', row.getAttribute('data-ward'));
              set('f-area', head.getAttribute('data-area'));
              set('f-theme', head.getAttribute('data-theme'));
              set('f-office', head.getAttribute('data-office'));
              restore(tasks);
              apply();
              history.pushState(null, '', '#tasks');
              byId('tasks').scrollIntoView();
              status.focus({ preventScroll: true });
            });
            apply();
          }
          // The picker: one rule hides every element of the other wards ([data-ward]) in every section.
          var picker = byId('picker');
          var pickWard = byId('pick-ward');
          if (!picker || !pickWard) { return; }
          var pickGroup = byId('pick-group'), pickPrint = byId('pick-print'), pickStatus = byId('pick-status');
          var rule = null;
          var pick = function () {
            var ward = pickWard.value, group = pickGroup ? pickGroup.value : '', ids = [], count = 0;
            each(pickWard.options, function (o) {
              if (!o.value) { return; }
              count += 1;
              var inGroup = !group || o.getAttribute('data-group') === group;
              o.hidden = !inGroup;
              if (inGroup) { ids.push(o.value); }
            });
            if (ward && ids.indexOf(ward) < 0) { pickWard.value = ward = ''; }
            if (ward) { ids = [ward]; }
            if (rule !== null) { sheet.deleteRule(rule); rule = null; }
            if (ids.length < count) {
              var keep = ids.map(function (i) { return '[data-ward="' + CSS.escape(i) + '"]'; }).join(',');
              rule = sheet.insertRule('[data-ward]:not(' + keep + '){display:none!important}', sheet.cssRules.length);
            }
            document.body.classList.toggle('picked', ids.length < count);
            pickPrint.disabled = !ward;
            pickStatus.textContent = ids.length < count ?
              pickStatus.getAttribute('data-template').replace('{0}', ids.length).replace('{1}', count) : '';
            var filter = function () { if (form) { set('f-ward', ward); apply(); } };
            if (ward) { openWard(ward, filter); } else { filter(); }
          };
          picker.hidden = false;
          pickWard.addEventListener('change', pick);
          if (pickGroup) { pickGroup.addEventListener('change', pick); }
          picker.addEventListener('submit', function (e) { e.preventDefault(); });
          // Printed once the ward's parts are drawn.
          pickPrint.addEventListener('click', function () { withData(function () { window.print(); }); });
        })();

        """
}
