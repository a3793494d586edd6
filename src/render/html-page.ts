/**
 * The HTML report's style and script, inlined into every page (html.ts), so the page opens from
 * disk with nothing to fetch. They are strings because the page is one file and the render layer
 * writes strings; the script is plain browser JavaScript (ES2020), checked by
 * test/unit/render-html.test.ts (it parses, no function over about a hundred lines) and run by
 * the browser tests (test/browser).
 *
 * The script reads the JSON in #dedupe-data, draws the summary, the tabs and the view the
 * location's hash names (#groups, #group=1&member=0, #documents, #document=4&line=12, #noise,
 * #warnings), and sets data-ready on <html> when the first view is drawn (the browser tests and
 * the load-time measurement wait for it). Article text only ever reaches the page as text
 * (textContent), never as markup.
 *
 * Colours are from the Okabe–Ito palette, readable with the common colour-vision deficiencies:
 * shared blue, edited orange, unique grey, boilerplate reddish purple (and hatched); deleted
 * words vermillion and struck through, inserted words sky blue and underlined. Every status is
 * also written out as a word.
 */
import { CALL_NAMES, EDIT_NAMES } from './names.js';

export const PAGE_STYLE = `
:root { --shared: #0072B2; --edited: #E69F00; --unique: #d9d9d9; --boilerplate: #CC79A7; --ink: #1b1b1b; --muted: #5a5a5a;
  --rule: #d0d0d0; --del-bg: #fbd3bd; --del-ink: #6b2400; --ins-bg: #cce6f6; --ins-ink: #00385a; --focus: #009E73; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
header, main { padding: 0 1.5rem; }
header { border-bottom: 1px solid var(--rule); padding-top: .8rem; padding-bottom: .6rem; background: #f7f7f7; }
h1 { font-size: 1.25rem; margin: 0 0 .3rem; word-break: break-all; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 .5rem; word-break: break-all; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; word-break: break-all; }
a { color: #005a8c; }
a:focus, button:focus, input:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.muted { color: var(--muted); }
.summary { margin: 0; }
.summary .chip { margin-right: .3rem; }
.notes { background: #fff8e6; border: 1px solid #e6c97a; padding: .5rem .8rem; margin: .8rem 0; }
.notes p { margin: .2rem 0; }
.gate { background: #eef6fb; border: 1px solid #9cc7e0; padding: .5rem .8rem; margin: .8rem 0; }
.archived { font-size: .85em; color: var(--muted); border: 1px solid var(--rule); border-radius: 3px; padding: 0 .35rem; margin-left: .3rem; white-space: nowrap; }
nav { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .8rem 0; }
nav a { padding: .3rem .7rem; border: 1px solid var(--rule); border-radius: 4px; text-decoration: none; color: var(--ink); background: #fafafa; }
nav a[aria-current="page"] { background: var(--ink); color: #fff; border-color: var(--ink); }
nav label { margin-left: auto; }
nav input { font: inherit; padding: .25rem .5rem; width: 18rem; max-width: 60vw; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
table.narrow { width: auto; min-width: 20rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; font-weight: 600; white-space: nowrap; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.path { overflow-wrap: anywhere; min-width: 12rem; }
td.status { white-space: nowrap; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
tr.story td { background: #f2f2f2; font-weight: 600; }
tr.target { outline: 3px solid var(--focus); }
.chip { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .85em; white-space: nowrap; border: 1px solid transparent; }
.st-shared { background: var(--shared); color: #fff; }
.st-edited { background: var(--edited); color: #000; }
.st-unique { background: var(--unique); color: #000; }
.st-boilerplate { background: var(--boilerplate); color: #000; }
.strip a.st-boilerplate { background: repeating-linear-gradient(135deg, var(--boilerplate) 0 3px, #f0d4e4 3px 6px); }
.role { font-weight: 600; }
.pager { display: flex; gap: .6rem; align-items: center; margin: .4rem 0; }
.pager button, button.more, a.button { display: inline-block; white-space: nowrap; font: inherit; padding: .2rem .6rem; border: 1px solid #999; border-radius: 4px; background: #fff; cursor: pointer; color: var(--ink); text-decoration: none; }
.strip { display: flex; flex-wrap: wrap; gap: 1px; margin: .4rem 0 .8rem; max-width: 100%; }
.strip a { display: block; width: 9px; height: 16px; border: 0; }
.legend { display: flex; flex-wrap: wrap; gap: .8rem; margin: .4rem 0; font-size: .9em; }
del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; text-decoration-thickness: 2px; }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: underline; text-decoration-thickness: 2px; }
table.sbs { table-layout: fixed; }
table.sbs th { white-space: normal; overflow-wrap: anywhere; }
table.sbs th:nth-child(1), table.sbs th:nth-child(3) { width: 44%; }
table.sbs th:nth-child(2) { width: 12%; }
table.sbs td.side { white-space: pre-wrap; overflow-wrap: anywhere; }
table.sbs td.change { font-size: .85em; }
table.sbs td.empty { background: #f4f4f4; color: var(--muted); font-style: italic; }
.lines { display: block; color: var(--muted); font-size: .8em; }
.k-same { color: var(--muted); }
.k-edited, .k-merged, .k-split { font-weight: 600; }
.k-dropped, .k-added { font-weight: 600; }
code { background: #f2f2f2; padding: 0 .25rem; word-break: break-all; }
.evidence { margin: .2rem 0 .6rem 1.2rem; padding: 0; }
`;

export const PAGE_SCRIPT = String.raw`
'use strict';
(function () {
  var data = JSON.parse(document.getElementById('dedupe-data').textContent);
  var STATUS = { u: 'unique', s: 'shared', e: 'edited', f: 'boilerplate', a: 'boilerplate' };
  // As the human report says it (SegmentReport.template): matches that link no document.
  var TEMPLATE_NOTE = { fill: 'template fill, links nothing', lines: 'template lines, link nothing' };
  var KIND = { f: 'footer', a: 'artifact' };
  // Named as the text report names them (names.ts).
  var EDITS = ${JSON.stringify(EDIT_NAMES)};
  var PAGE = { groups: 50, documents: 100, paragraphs: 300, noise: 100, strip: 3000 };
  var state = { filter: '', pages: {}, sort: { key: null, down: true }, shownRows: PAGE.paragraphs, lastDocument: -1 };

  function rows(fields, list) {
    return list.map(function (row, index) {
      var out = { index: index };
      for (var i = 0; i < fields.length; i++) out[fields[i]] = row[i];
      return out;
    });
  }
  var docs = rows(data.documentFields, data.documents);
  var groups = data.groups.map(function (g) { g.members = rows(data.memberFields, g.members); return g; });
  var groupById = new Map(groups.map(function (g) { return [g.id, g]; }));

  function h(tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(node, c); });
    else node.append(child instanceof Node ? child : String(child));
  }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  // As the human report's percent (render/text.ts): cut down, so that 80% means at least 80%; never 0% above nothing.
  function pct(share) {
    if (share === null || share === undefined) return '';
    var whole = Math.floor(share * 100 + 1e-9);
    if (whole === 0 && share > 0) return Math.max(0.1, Math.floor(share * 1000 + 1e-9) / 10).toFixed(1) + '%';
    return whole + '%';
  }
  function plural(n, word, many) { return fmt(n) + ' ' + (n === 1 ? word : (many || word + 's')); }
  function span(a, b) { return a === b ? String(a) : a + '-' + b; }
  function chip(status, extra) { return h('span', { class: 'chip st-' + status }, status + (extra ? ' ' + extra : '')); }
  function matches(path) { return state.filter === '' || path.toLowerCase().indexOf(state.filter) >= 0; }
  function shellQuote(s) { return /^[\w.\/:@%+=,-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; }

  function decodeSpans(spans) {
    var starts = [], ends = [], continues = [], end = 0;
    if (spans !== '') spans.split(',').forEach(function (item) {
      var piece = item.charAt(0) === '~';
      var parts = (piece ? item.slice(1) : item).split('+');
      var start = end + Number(parts[0]);
      end = start + Number(parts[1] || 0);
      starts.push(start); ends.push(end); continues.push(piece);
    });
    return { starts: starts, ends: ends, continues: continues };
  }

  function pathText(path) {
    var parts = path.split('/');
    return parts.map(function (part, i) { return i < parts.length - 1 ? [part + '/', h('wbr')] : part; });
  }
  function docLink(index, label, line) {
    if (index < 0 || typeof index !== 'number') return h('span', { title: 'not among the documents of this report (archived)' }, pathText(label));
    return h('a', { href: '#document=' + index + (line ? '&line=' + line : '') }, pathText(label));
  }
  function relativeName(from, other) {
    var folder = function (p) { return p.slice(0, p.lastIndexOf('/') + 1); };
    return folder(from) === folder(other) ? other.slice(folder(other).length) : other;
  }

  function summaryLine() {
    var s = data.summary;
    return h('p', { class: 'summary' },
      plural(s.documents, 'document') + ', ' + plural(s.paragraphs, 'paragraph') + ': ',
      chip('shared', fmt(s.shared)), chip('edited', fmt(s.edited)), chip('unique', fmt(s.unique)), chip('boilerplate', fmt(s.boilerplate)),
      ' ' + fmt(s.repeats) + ' repeated, ' + plural(s.groups, 'group') + '. ',
      h('span', { class: 'muted' }, 'Options: threshold ' + data.options.threshold + ', containment ' + data.options.containment +
        ', shingle size ' + data.options.shingleSize + ', min words ' + data.options.minWords +
        (data.options.reworded ? ', reworded ' + data.options.reworded : '') + '. ' + data.generator + '.'));
  }

  // dedupe check: what the gate decided (the rule, the articles it flagged, those stored with --add).
  function gate() {
    var c = data.check;
    if (!c) return null;
    var rule = c.failOn === null ? 'No --fail-on rule: the check reports and flags nothing.'
      : '--fail-on ' + c.failOn + (c.failOn === 'document' ? ' (copy share ' + c.copyShare + ')' : '') + ': ' +
        (c.flagged.length === 0 ? 'nothing flagged.' : plural(c.flagged.length, 'incoming article') + ' flagged: ' + c.flagged.join(', ') + '.');
    var added = c.added === null ? null : c.added.length === 0 ? 'Nothing added to the index (--add).' : plural(c.added.length, 'article') + ' added to the index (--add): ' + c.added.join(', ') + '.';
    return h('div', { class: 'gate', id: 'gate', role: 'status' }, h('strong', { text: 'Gate. ' }), h('span', { text: rule }), added ? h('span', { text: ' ' + added }) : null);
  }

  function notes() {
    if (data.notes.length === 0) return null;
    return h('div', { class: 'notes', role: 'note' }, h('strong', { text: 'This corpus is large; the page summarises it.' }),
      data.notes.map(function (n) { return h('p', { text: n }); }), h('p', { class: 'muted', text: 'dedupe --json holds everything.' }));
  }

  // Each tab counts the rows it lists: texts, on the boilerplate tab (it added boilerplate paragraphs to repeated texts; found by a new user).
  var TABS = [['groups', 'Groups', function () { return groups.length; }], ['documents', 'Documents', function () { return docs.length; }],
    ['noise', 'Boilerplate and repeats', function () { return data.boilerplate.distinct + data.repeats.total; }],
    ['warnings', 'Warnings', function () { return data.warnings.total; }]];

  function nav(current) {
    var input = h('input', { type: 'search', id: 'filter', placeholder: 'part of a file name', value: state.filter, 'aria-label': 'Filter by file name' });
    var timer = 0;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.filter = input.value.trim().toLowerCase(); state.pages = {}; drawView(); }, 120);
    });
    var tabs = TABS.filter(function (t) { return t[0] !== 'warnings' || data.warnings.total > 0; }).map(function (t) {
      return h('a', { href: '#' + t[0], 'aria-current': current === t[0] ? 'page' : null, id: 'tab-' + t[0] }, t[1] + ' (' + fmt(t[2]()) + ')');
    });
    return h('nav', null, tabs, h('label', null, 'Filter by file name ', input));
  }

  function pager(name, total, size) {
    var pages = Math.max(1, Math.ceil(total / size));
    var page = Math.min(state.pages[name] || 0, pages - 1);
    state.pages[name] = page;
    var go = function (p) { return function () { state.pages[name] = p; drawView(); }; };
    var bar = pages < 2 ? null : h('div', { class: 'pager' },
      h('button', { onclick: go(page - 1), disabled: page === 0 }, '← previous'),
      h('span', null, 'page ' + (page + 1) + ' of ' + fmt(pages) + ' (' + fmt(total) + ')'),
      h('button', { onclick: go(page + 1), disabled: page >= pages - 1 }, 'next →'));
    return { from: page * size, to: Math.min(total, (page + 1) * size), bar: bar };
  }

  function table(head, body, cls) {
    return h('table', { class: cls || null }, h('thead', null, h('tr', null, head)), h('tbody', null, body));
  }
  function th(text, num) { return h('th', { class: num ? 'num' : null, scope: 'col' }, text); }
  function td(content, cls) { return h('td', { class: cls || null }, content); }

  function reasonText(r) { return (r[0] === 'dateline' || r[0] === 'credit' ? r[0] + ' "' + r[1] + '"' : r[1]) + ' (' + (r[2] > 0 ? '+' : '') + r[2] + ')'; }
  function editsText(edits) { return edits.map(function (e) { return (EDITS[e[0]] || e[0]) + (e[1] > 1 ? ' (' + e[1] + ')' : ''); }).join(', '); }
  function roleCounts(g) {
    var counts = {};
    g.members.forEach(function (m) { var r = m.role || 'copy'; counts[r] = (counts[r] || 0) + 1; });
    return ['original', 'version', 'reprint', 'partial', 'copy'].filter(function (r) { return counts[r]; }).map(function (r) { return plural(counts[r], r, r === 'copy' ? 'copies' : null); }).join(', ');
  }

  function groupsView() {
    var list = groups.slice().sort(function (a, b) { return b.documents - a.documents || b.members.length - a.members.length || a.id - b.id; })
      .filter(function (g) { return g.members.some(function (m) { return matches(m.path); }); });
    var p = pager('groups', list.length, PAGE.groups);
    var body = list.slice(p.from, p.to).map(function (g) {
      return h('tr', null, td(h('a', { href: '#group=' + g.id, id: 'group-link-' + g.id }, 'Group ' + g.id)), td(fmt(g.documents), 'num'),
        td(g.original === null ? h('span', { class: 'muted' }, 'undecided') : pathText(g.original), 'path'),
        td(g.confidence === null ? '' : g.confidence.toFixed(2), 'num'), td(g.reasons.map(reasonText).join('; ')),
        td(roleCounts(g)), td(g.detail ? 'side by side' + (g.original === null ? ' (with the first member)' : '') : h('span', { class: 'muted' }, 'summary')));
    });
    return [h('h2', { text: 'Groups' }),
      h('p', { class: 'muted', text: 'Syndication groups, largest first: the likely original with its evidence and confidence, and each copy\'s role. Open a group to compare a member with the original side by side.' }),
      p.bar, table([th('Group'), th('Documents', true), th('Original'), th('Confidence', true), th('Evidence'), th('Members'), th('Detail')], body), p.bar,
      list.length === 0 ? h('p', { text: groups.length === 0 ? 'No groups: no two documents share a story.' : 'No group has a member matching the filter.' }) : null];
  }

  // The story-level call (story-reuse.ts): against the original, or (no original) the strongest against another member.
  var CALLS = ${JSON.stringify(CALL_NAMES)};
  function storyText(g, m) {
    var c = m.storyCall;
    if (!c) return '';
    // Undecided: "compared with" the other member, as the text report says; two copies each read as derived from the other (review).
    var against = g.original === null ? 'compared with ' + relativeName(m.path, c[4]) + ': ' : '';
    return h('span', { title: 'words ' + pct(c[1]) + ', bigrams ' + pct(c[2]) + ', reused ' + pct(c[3]) + ' (story-level reuse)' }, against + CALLS[c[0]] + ' (words ' + pct(c[1]) + ')');
  }

  function memberRow(g, m, i, chosen) {
    var compare;
    // The member to compare with: the original, or (no original) the first member, as for the groups in detail.
    var refIndex = g.reference !== null ? g.reference : Math.max(0, g.members.findIndex(function (x) { return x.role === 'original'; }));
    if (m.role === 'original') compare = h('span', { class: 'muted' }, 'the original');
    else if (g.original === null && i === refIndex) compare = h('span', { class: 'muted' }, 'the reference');
    else if (m.aligned) compare = h('a', { class: 'button', href: '#group=' + g.id + '&member=' + i, id: 'compare-' + g.id + '-' + i }, 'side by side');
    else compare = h('code', { title: 'not included in this page' }, 'dedupe diff ' + shellQuote(g.members[refIndex].path) + ' ' + shellQuote(m.path));
    var counts = m.same === null ? '' : m.same + ' same, ' + m.edited + ' changed, ' + m.added + ' added, ' + m.dropped + ' dropped' + (m.moved > 0 ? ', ' + m.moved + ' moved' : '');
    // In a check, a member that is not one of the incoming documents was found in the index.
    var archived = data.command === 'check' && (typeof m.doc !== 'number' || m.doc < 0) ? h('span', { class: 'archived', text: 'in the index' }) : null;
    return h('tr', { class: chosen ? 'target' : null }, td(h('span', { class: 'role' }, m.role || 'copy')), td([docLink(m.doc, m.path, m.startLine), archived], 'path'),
      td(span(m.startLine, m.endLine), 'num'), td(pct(m.coverage), 'num'), td(pct(m.reusedShare), 'num'), td(counts), td(editsText(m.edits)),
      td(storyText(g, m), 'story'), td(m.reasons.map(reasonText).join('; ')), td(compare));
  }

  function groupView(id, member) {
    var g = groupById.get(id);
    if (!g) return [h('p', { text: 'There is no group ' + id + ' in this report.' })];
    var head = g.original === null
      ? h('p', { text: 'Original undecided: no evidence tells the copies apart (datelines, dates, containment and file times tie or are missing). Side by side, each member is compared with the first, ' +
        g.members[0].path + ', as a reference (not as the original).' })
      : h('div', null, h('p', null, 'Likely original: ', docLink(memberOf(g, 'original').doc, g.original), ', confidence ' + g.confidence.toFixed(2) + ' (0.5 is a toss-up, 1 certain), from this evidence:'),
        h('ul', { class: 'evidence' }, g.reasons.map(function (r) { return h('li', { text: reasonText(r) }); })));
    var body = g.members.map(function (m, i) { return memberRow(g, m, i, i === member); });
    return [h('p', null, h('a', { href: '#groups' }, '← all groups')), h('h2', { id: 'group-title', text: 'Group ' + g.id + ': ' + plural(g.documents, 'document') + (g.members.length !== g.documents ? ', ' + plural(g.members.length, 'story', 'stories') : '') }), head,
      g.detail ? null : h('p', { class: 'muted', text: 'This group is listed in summary: its members are not shown side by side on this page (see the note at the top); the command in each row shows one.' }),
      table([th('Role'), th('Document'), th('Lines', true), th('Keeps of the original', true), th('Own words from it', true), th('Paragraphs'), th('Kinds of edit'), th('Story'), th('Evidence'), th('Compare')], body),
      chosenMember(g, member)];
  }

  function chosenMember(g, member) {
    if (member === null) return null;
    var m = g.members[member];
    if (m && m.aligned) return sideBySide(g, m);
    var why = !m ? 'there is no member ' + member + ' in this group' : member === g.reference || m.role === 'original' ? 'it is the one the others are compared with' : 'it is not shown side by side on this page';
    return h('p', { id: 'no-side-by-side', text: 'No side-by-side view for this member: ' + why + '.' });
  }

  function memberOf(g, role) { return g.members.filter(function (m) { return m.role === role; })[0]; }

  function opsSide(ops, skip, mark) {
    var out = [];
    ops.forEach(function (op) {
      if (op[0] === skip) return;
      if (out.length > 0) out.push(' ');
      // The original's side shows an unchanged run in its own words where they differ (op[2]).
      out.push(op[0] === 0 ? (skip === 2 && op.length > 2 ? op[2] : op[1]) : h(mark, null, op[1]));
    });
    return out;
  }

  function linesLabel(spans) {
    if (spans.length === 0) return null;
    return h('span', { class: 'lines' }, (spans.length === 1 && spans[0][0] === spans[0][1] ? 'line ' : 'lines ') + spans.map(function (s) { return span(s[0], s[1]); }).join(', '));
  }

  function changeLabel(b) {
    var name = b.kind;
    if (b.kind === 'merged') name = 'merged ' + b.from.length + ' → 1';
    if (b.kind === 'split') name = 'split 1 → ' + b.to.length;
    var sim = b.similarity !== null && b.kind !== 'same' ? (b.reworded ? ' · reworded, similarity of content words ' : ' · similarity ') + b.similarity.toFixed(2) : '';
    return h('span', { class: 'k-' + b.kind }, name + sim + (b.moved ? ' · moved' : ''));
  }

  function blockRow(b, refRole, memberRole) {
    var left, right;
    if (b.ops) { left = opsSide(b.ops, 2, 'del'); right = opsSide(b.ops, 1, 'ins'); }
    else { left = b.from.length > 0 ? (b.fromText !== undefined ? b.fromText : b.text) : null; right = b.to.length > 0 ? b.text : null; }
    var cell = function (content, spans, missing) {
      return content === null ? h('td', { class: 'side empty' }, missing) : h('td', { class: 'side' }, linesLabel(spans), content);
    };
    return h('tr', { class: 'block-' + b.kind }, cell(left, b.from, 'not in the ' + refRole), td(changeLabel(b), 'change'), cell(right, b.to, 'not in the ' + memberRole));
  }

  function sideBySide(g, m) {
    var reference = g.members[g.reference];
    var refRole = g.original === null ? 'reference' : 'original';
    var role = m.role || 'copy';
    var Role = role.charAt(0).toUpperCase() + role.slice(1);
    var kept = m.coverage === null ? 'No original was found, so there is no comparison summary; the table shows how the two differ.'
      : 'The ' + role + ' keeps ' + pct(m.coverage) + ' of the original\'s words; ' + pct(m.reusedShare) + ' of its own words come from it. ' + (m.edits.length ? 'Edits: ' + editsText(m.edits) + '.' : 'No edits found.');
    return h('section', { id: 'side-by-side', 'aria-label': 'side by side' },
      h('h3', { text: 'Side by side: ' + reference.path + ' (' + refRole + ', lines ' + span(reference.startLine, reference.endLine) + ') and ' + m.path + ' (' + role + ', lines ' + span(m.startLine, m.endLine) + ')' }),
      h('p', { text: kept }),
      h('div', { class: 'legend' }, h('span', null, h('del', null, 'struck through'), ' in the ' + refRole + ' only'), h('span', null, h('ins', null, 'underlined'), ' in the ' + role + ' only'),
        h('span', { class: 'muted', text: 'Repeated lines and boilerplate are left out, as in the comparison.' })),
      table([th(refRole.charAt(0).toUpperCase() + refRole.slice(1) + ': ' + reference.path), th('Change'), th(Role + ': ' + m.path)],
        m.aligned.map(function (b) { return blockRow(b, refRole, role); }), 'sbs'));
  }

  var DOC_COLUMNS = [['group', 'Group', true], ['role', 'Role'], ['path', 'Document'], ['paragraphs', 'Paragraphs', true], ['shared', 'Shared', true],
    ['edited', 'Edited', true], ['unique', 'Unique', true], ['boilerplate', 'Boilerplate', true], ['reused', 'Reused', true]];

  function docValue(d, key) { return key === 'paragraphs' ? d.statuses.length : key === 'group' ? (d.group === null ? Infinity : d.group) : d[key]; }

  function sortedDocs() {
    var list = docs.filter(function (d) { return matches(d.path); });
    var key = state.sort.key;
    if (key === null) return list;
    var sign = state.sort.down ? -1 : 1;
    return list.slice().sort(function (a, b) {
      var x = docValue(a, key), y = docValue(b, key);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.index - b.index;
    });
  }

  function sortHeader(c) {
    var label = c[1] + (state.sort.key === c[0] ? (state.sort.down ? ' ↓' : ' ↑') : '');
    return h('th', { class: c[2] ? 'num' : null, scope: 'col' }, h('button', { onclick: function () {
      state.sort = { key: c[0], down: state.sort.key === c[0] ? !state.sort.down : c[2] === true };
      drawView();
    }, title: 'sort by ' + c[1].toLowerCase() }, label));
  }

  function documentsView() {
    var list = sortedDocs();
    var p = pager('documents', list.length, PAGE.documents);
    var body = list.slice(p.from, p.to).map(function (d) {
      return h('tr', null, td(groupLinks(d, function (g) { return String(g); }, '-', ', '), 'num'), td(d.role), td(docLink(d.index, d.path), 'path'),
        td(paragraphsCell(d), 'num'), td(fmt(d.shared), 'num'), td(fmt(d.edited), 'num'), td(fmt(d.unique), 'num'), td(fmt(d.boilerplate), 'num'), td(pct(d.reused), 'num'));
    });
    return [h('h2', { text: 'Documents' }), h('p', { class: 'muted', text: 'Paragraph counts by status and the share of each document\'s words reused. Click a heading to sort, a document to see its paragraph map.' }),
      p.bar, table(DOC_COLUMNS.map(sortHeader), body), p.bar, list.length === 0 ? h('p', { text: 'No document matches the filter.' }) : null];
  }

  function stripOf(d, spans) {
    var cells = [];
    var n = Math.min(d.statuses.length, PAGE.strip);
    for (var i = 0; i < n; i++) {
      var letter = d.statuses.charAt(i);
      var status = STATUS[letter.toLowerCase()];
      var label = 'line ' + span(spans.starts[i], spans.ends[i]) + ': ' + status + (letter !== letter.toLowerCase() ? ', repeated' : '');
      cells.push(h('a', { class: 'st-' + status, href: '#document=' + d.index + '&line=' + spans.starts[i], title: label, 'aria-label': label }));
    }
    var more = d.statuses.length > n ? h('p', { class: 'muted', text: 'The map above shows the first ' + fmt(n) + ' of ' + fmt(d.statuses.length) + ' paragraphs.' }) : null;
    return [h('div', { class: 'strip', role: 'list', 'aria-label': 'paragraph map' }, cells), more];
  }

  function legend() {
    return h('div', { class: 'legend' }, ['shared', 'edited', 'unique', 'boilerplate'].map(function (s) { return chip(s); }),
      h('span', { class: 'muted', text: 'shared: the same words elsewhere; edited: derived from a paragraph elsewhere; boilerplate (hatched in the map): a footer or scraper junk.' }));
  }

  function paragraphRow(d, detail, spans, i, target) {
    var letter = d.statuses.charAt(i);
    var status = STATUS[letter.toLowerCase()];
    var notes = [];
    if (letter !== letter.toLowerCase()) notes.push(detail && detail[2][i] !== null ? 'repeat of line ' + spans.starts[detail[2][i]] : 'repeated');
    var kind = KIND[letter.toLowerCase()];
    if (kind) notes.push(kind);
    // "+3": a later sentence piece of a long paragraph, as the human report writes it.
    var cells = [td((spans.continues[i] ? '+' : '') + span(spans.starts[i], spans.ends[i]), 'num'), td([chip(status), notes.length ? h('div', { class: 'muted', text: notes.join(', ') }) : null], 'status')];
    if (detail) {
      var best = detail[1][i];
      var other = best ? (typeof best[0] === 'number' ? docs[best[0]].path : best[0]) : '';
      cells.push(td(best ? [docLink(best[0], relativeName(d.path, other) + ':' + best[1], best[1]),
        h('div', { class: 'muted', text: best[3] + (best[5] ? ' (reworded), similarity of content words ' : ', similarity ') + best[2].toFixed(2) + (best[4] > 0 ? ', ' + plural(best[4], 'more match', 'more matches') : '') + (best[6] ? '; ' + TEMPLATE_NOTE[best[6]] : '') })] : '', 'path'));
      cells.push(td(detail[0][i], 'text'));
    }
    return h('tr', { id: 'p-' + i, class: target ? 'target' : null }, cells);
  }

  function documentView(index, line) {
    var d = docs[index];
    if (!d) return [h('p', { text: 'There is no document ' + index + ' in this report.' })];
    if (state.lastDocument !== index) { state.lastDocument = index; state.shownRows = PAGE.paragraphs; }
    var spans = decodeSpans(d.spans);
    var detail = d.detail >= 0 ? data.details[d.detail] : null;
    var target = -1;
    if (line) for (var i = 0; i < spans.starts.length; i++) if (spans.starts[i] <= line && line <= spans.ends[i]) { target = i; break; }
    if (target >= state.shownRows) state.shownRows = target + PAGE.paragraphs;
    var shown = Math.min(d.statuses.length, state.shownRows);
    var body = [];
    var head = [th('Lines', true), th('Status')].concat(detail ? [th('Best match'), th('Text')] : []);
    var storyAt = new Map(d.stories.map(function (st, n) { return [st[0], n]; }));
    for (var k = 0; k < shown; k++) {
      if (storyAt.has(k)) body.push(storyRow(d.stories[storyAt.get(k)], storyAt.get(k), head.length));
      body.push(paragraphRow(d, detail, spans, k, k === target));
    }
    return [h('p', null, h('a', { href: '#documents' }, '← all documents')), h('h2', { id: 'document-title', text: d.path }), documentFacts(d),
      storiesOf(d), legend(), stripOf(d, spans),
      detail ? null : h('p', { class: 'muted', text: 'Texts and matches of this document are not included in this page (see the note at the top); the map gives each paragraph\'s lines and status.' }),
      table(head, body, detail ? null : 'narrow'),
      shown < d.statuses.length ? h('button', { class: 'more', onclick: function () { state.shownRows += PAGE.paragraphs; drawView(); } }, 'show ' + fmt(Math.min(PAGE.paragraphs, d.statuses.length - shown)) + ' more of ' + fmt(d.statuses.length - shown)) : null];
  }

  function storyRow(st, n, columns) {
    return h('tr', { class: 'story' }, h('td', { colspan: columns }, 'Story ' + (n + 1) + ', lines ' + span(st[2], st[3]) + ': ',
      st[4] === null ? 'no group' : h('a', { href: '#group=' + st[4] }, 'group ' + st[4]), ', ' + pct(st[5]) + ' reused'));
  }

  // A document's later sentence pieces of long paragraphs, read from its spans once.
  function continuingOf(d) {
    if (d.continuing === undefined) d.continuing = decodeSpans(d.spans).continues.filter(Boolean).length;
    return d.continuing;
  }

  // "3 in 6" for a document of long paragraphs cut into pieces, as the terminal's table writes it.
  function paragraphsCell(d) {
    var pieces = continuingOf(d);
    return pieces === 0 ? fmt(d.statuses.length) : fmt(d.statuses.length - pieces) + ' in ' + fmt(d.statuses.length);
  }

  function documentFacts(d) {
    var group = groupLinks(d, function (g, i, all) { return (i === 0 ? (all.length > 1 ? 'groups ' : 'group ') : '') + g; }, 'no group', ' and ');
    var pieces = continuingOf(d);
    var paragraphs = pieces === 0 ? plural(d.statuses.length, 'paragraph') : plural(d.statuses.length - pieces, 'paragraph') + ' in ' + fmt(d.statuses.length) + ' pieces (+ continues a long paragraph)';
    return h('p', null, group, d.role ? ' (' + d.role + ')' : '', ', ' + paragraphs + ', ' + pct(d.reused) + ' reused, ' +
      plural(d.lines, 'line') + ', ' + plural(d.words, 'word') + ', ' + d.layout + ' layout. ', chip('shared', fmt(d.shared)), ' ', chip('edited', fmt(d.edited)), ' ',
      chip('unique', fmt(d.unique)), ' ', chip('boilerplate', fmt(d.boilerplate)), ' ' + fmt(d.repeats) + ' repeated');
  }

  // A document's groups (its stories', in order): a file whose stories are in two groups links both.
  function groupLinks(d, label, none, lastJoin) {
    var all = d.groups;
    if (all.length === 0) return none;
    return h('span', null, all.map(function (g, i) { return h('span', null, i > 0 ? (i === all.length - 1 ? lastJoin : ', ') : '', h('a', { href: '#group=' + g }, label(g, i, all))); }));
  }

  function storiesOf(d) {
    if (d.stories.length === 0) return null;
    return h('p', null, 'Stories in this file: ', d.stories.map(function (s, i) {
      return h('span', null, (i > 0 ? '; ' : '') + 'lines ' + span(s[2], s[3]) + ', ', s[4] === null ? 'no group' : h('a', { href: '#group=' + s[4] }, 'group ' + s[4]), ', ' + pct(s[5]) + ' reused');
    }));
  }

  function noiseView() {
    var b = data.boilerplate, r = data.repeats;
    var bList = b.shown.filter(function (e) { return matches(docs[e[4]].path); });
    var rList = r.shown.filter(function (e) { return matches(docs[e[0]].path); });
    var pb = pager('boilerplate', bList.length, PAGE.noise), pr = pager('repeats', rList.length, PAGE.noise);
    return [h('h2', { text: 'Boilerplate (' + fmt(b.total) + ' paragraphs, ' + fmt(b.distinct) + ' texts)' }),
      h('p', { class: 'muted', text: 'Footers and scraper artifacts, the most frequent first; they link no documents and count toward no reuse.' }),
      pb.bar, table([th('Text'), th('Kind'), th('Times', true), th('Files', true), th('First seen')], bList.slice(pb.from, pb.to).map(function (e) {
        return h('tr', null, td(e[0], 'text'), td(e[1]), td(fmt(e[2]), 'num'), td(fmt(e[3]), 'num'), td(docLink(e[4], docs[e[4]].path + ':' + e[5], e[5]), 'path'));
      })), pb.bar,
      h('h2', { text: 'Repeated lines (' + fmt(r.paragraphs) + (r.paragraphs === 1 ? ' paragraph, ' : ' paragraphs, ') + fmt(r.total) + (r.total === 1 ? ' text)' : ' texts)') }),
      h('p', { class: 'muted', text: 'The same text more than once in one file, as when a headline or caption is scraped twice.' }),
      pr.bar, table([th('Document'), th('Lines'), th('Text')], rList.slice(pr.from, pr.to).map(function (e) {
        return h('tr', null, td(docLink(e[0], docs[e[0]].path, e[1][0]), 'path'), td(e[3]), td(e[2], 'text'));
      })), pr.bar];
  }

  function warningsView() {
    var w = data.warnings;
    return [h('h2', { text: 'Warnings (' + fmt(w.total) + ')' }), w.total > w.shown.length ? h('p', { class: 'muted', text: 'The first ' + fmt(w.shown.length) + ' are listed.' }) : null,
      h('ul', null, w.shown.map(function (m) { return h('li', { text: m }); }))];
  }

  function currentRoute() {
    var params = new URLSearchParams(location.hash.slice(1));
    var number = function (key) { var v = params.get(key); return v === null || v === '' || isNaN(Number(v)) ? null : Number(v); };
    var missing = function (what) { return function () { return [h('p', { text: 'There is no ' + what + ' ' + JSON.stringify(params.get(what)) + ' in this report.' })]; }; };
    if (params.has('group')) return { tab: 'groups', view: number('group') === null ? missing('group') : function () { return groupView(number('group'), number('member')); } };
    if (params.has('document')) return { tab: 'documents', view: number('document') === null ? missing('document') : function () { return documentView(number('document'), number('line')); } };
    var tab = ['documents', 'noise', 'warnings'].filter(function (t) { return params.has(t); })[0] || 'groups';
    var views = { groups: groupsView, documents: documentsView, noise: noiseView, warnings: warningsView };
    return { tab: tab, view: views[tab] };
  }

  var app = document.getElementById('app');
  function drawView() {
    var route = currentRoute();
    var view = document.getElementById('view');
    var fresh = h('div', { id: 'view' }, route.view());
    view.replaceWith(fresh);
    document.querySelectorAll('nav a').forEach(function (a) {
      if (a.id === 'tab-' + route.tab) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    var target = fresh.querySelector('#side-by-side, tr.target');
    if (target) target.scrollIntoView({ block: 'start' });
  }

  function start() {
    document.getElementById('summary').replaceWith(summaryLine());
    app.append(gate() || '', notes() || '', nav(currentRoute().tab), h('div', { id: 'view' }));
    drawView();
    window.addEventListener('hashchange', function () { drawView(); });
    document.documentElement.setAttribute('data-ready', 'true');
  }
  start();
})();
`;
