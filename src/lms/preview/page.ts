/**
 * The preview LMS page: the package in an iframe, the live data model, the total time and the API
 * call log (earlier sessions folded). Relaunch and Reset are wired before anything that can fail,
 * so a broken launch never leaves the page stuck.
 */

export interface PreviewPageConfig {
  title: string;
  version: '1.2' | '2004';
  /** The package key the server stores data under; sent with every write. */
  key: string;
  launch: string;
  dataFile: string;
  /** Problems found by the server at start (shown as warnings). */
  notices: string[];
}

const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function previewPage(p: PreviewPageConfig): string {
  const config = JSON.stringify(p).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SCORM ${p.version} preview – ${html(p.title)}</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr); grid-template-rows: auto 1fr; height: 100vh; }
  header { grid-column: 1 / -1; padding: 0.5rem 1rem; background: #20303f; color: #fff; display: flex; gap: 0.5rem 1rem; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 1.05rem; margin: 0; }
  #refused { grid-column: 1 / -1; margin: 0; padding: 0.5rem 1rem; background: #a3261b; color: #fff; font-weight: 600; }
  #refused[hidden] { display: none; }
  iframe { width: 100%; height: 100%; min-height: 60vh; border: 0; border-right: 1px solid #ccc; }
  aside { overflow: auto; padding: 0 0.75rem; }
  h2 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
  pre { background: #f4f6f8; padding: 0.5rem; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; }
  td, th { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: left; vertical-align: top; word-break: break-all; }
  summary { cursor: pointer; font-size: 13px; margin: 0.25rem 0; }
  .fail { background: #fde2e0; }
  #warnings li { color: #a3261b; font-weight: 600; }
  button, label { font: inherit; }
</style>
</head>
<body>
<header>
  <h1>SCORM ${p.version} preview LMS</h1>
  <span id="state">Launching…</span>
  <button id="relaunch" type="button">Relaunch</button>
  <button id="reset" type="button">Reset attempt</button>
  <label><input id="fail" type="checkbox"> Make the LMS fail (refuse every write)</label>
  <span id="total-time"></span>
</header>
<p id="refused" role="alert" hidden></p>
<iframe id="sco" title="Course"></iframe>
<aside>
  <p><small>Package <code id="package-key">${html(p.key)}</code>; data kept in <code>${html(p.dataFile)}</code>.</small></p>
  <h2>Warnings</h2><ul id="warnings"><li id="no-warnings" style="color:inherit;font-weight:400">None</li></ul>
  <h2>Data model (cmi)</h2><pre id="model"></pre>
  <h2>API calls</h2>
  <table><thead><tr><th>#</th><th>call</th><th>element</th><th>value</th><th>result</th><th>error</th></tr></thead><tbody id="log"></tbody></table>
  <div id="earlier-sessions"></div>
</aside>
<script src="/scorm-again.js"></script>
<script>
(() => {
  const config = ${config};
  const is12 = config.version === '1.2';
  const $ = (id) => document.getElementById(id);
  const query = '?package=' + encodeURIComponent(config.key);
  const logKey = 'kohtaamo-preview-log:' + config.key;
  const state = (text) => { $('state').textContent = text; };
  let api = null;
  let stored = Promise.resolve();
  let refused = false;

  // Relaunch and Reset first: whatever fails further down, they work.
  $('relaunch').onclick = () => {
    $('sco').src = 'about:blank'; // the course gets pagehide and finishes
    setTimeout(() => { stored.finally(() => location.reload()); }, 200);
  };
  $('reset').onclick = () => {
    sessionStorage.removeItem(logKey);
    fetch('/cmi' + query, { method: 'DELETE' }).catch(() => undefined).finally(() => location.reload());
  };

  const warnings = new Set();
  const warn = (text) => {
    if (warnings.has(text)) return;
    warnings.add(text);
    $('no-warnings')?.remove();
    const li = document.createElement('li');
    li.textContent = text;
    $('warnings').append(li);
  };
  for (const notice of config.notices) warn(notice);
  const refuse = (text) => {
    refused = true;
    $('refused').hidden = false;
    $('refused').textContent = text;
    state('Not stored: this tab belongs to another package');
  };

  // The call log: this session's calls, earlier sessions of this tab folded (kept over Relaunch).
  let sessions = [];
  try { sessions = JSON.parse(sessionStorage.getItem(logKey) || '[]'); } catch { sessions = []; }
  if (!Array.isArray(sessions)) sessions = [];
  const current = { started: new Date().toISOString(), calls: [] };
  sessions.push(current);
  const keepLog = () => { try { sessionStorage.setItem(logKey, JSON.stringify(sessions)); } catch { /* a full store only loses the log */ } };
  const row = (call) => {
    const tr = document.createElement('tr');
    if (String(call[4]) === 'false') tr.className = 'fail';
    for (const cell of call) {
      const td = document.createElement('td');
      td.textContent = String(cell);
      tr.append(td);
    }
    return tr;
  };
  sessions.slice(0, -1).forEach((session, i) => {
    const details = document.createElement('details');
    details.className = 'earlier-session';
    const summary = document.createElement('summary');
    const last = session.calls.at(-1);
    summary.textContent = 'Session ' + (i + 1) + ' (' + new Date(session.started).toLocaleTimeString() + '): ' + session.calls.length + ' calls' + (last ? ', last ' + last[1] : '');
    const table = document.createElement('table');
    const body = document.createElement('tbody');
    for (const call of [...session.calls].reverse()) body.append(row(call));
    table.append(body);
    details.append(summary, table);
    $('earlier-sessions').prepend(details);
  });
  const record = (call, element, value, result, error) => {
    const entry = [current.calls.length + 1, call, element ?? '', String(value ?? '').slice(0, 300), String(result), String(error)];
    current.calls.push(entry);
    keepLog();
    $('log').prepend(row(entry));
  };

  let totalBefore = 0;
  const duration = (value) => {
    const text = String(value || '');
    let m = /^(\\d{2,4}):(\\d{2}):(\\d{2}(?:\\.\\d{1,2})?)$/.exec(text);
    if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    m = /^P(?:(\\d+(?:\\.\\d+)?)D)?(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$/.exec(text);
    return m ? Number(m[1] || 0) * 86400 + Number(m[2] || 0) * 3600 + Number(m[3] || 0) * 60 + Number(m[4] || 0) : 0;
  };
  const clock = (seconds) => {
    const s = Math.round(seconds);
    return [Math.floor(s / 3600), Math.floor(s % 3600 / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  };
  const showTime = () => {
    if (!api) return;
    const cmi = api.renderCMIToJSONObject().cmi;
    const session = duration(is12 ? cmi.core.session_time : cmi.session_time);
    $('total-time').textContent = 'Total time (' + (is12 ? 'cmi.core.total_time' : 'cmi.total_time') + '): ' + clock(totalBefore) + ' before this session, ' + clock(totalBefore + session) + ' with it';
  };
  const show = () => {
    if (!api) return;
    $('model').textContent = JSON.stringify(api.renderCMIToJSONObject(), null, 2);
    showTime();
  };
  const persist = () => {
    if (refused) return;
    const body = JSON.stringify(api.renderCMIToJSONObject());
    stored = fetch('/cmi' + query, { method: 'PUT', body, keepalive: body.length < 60000 }).then(async (response) => {
      if (response.status === 409) refuse(await response.text());
      else if (!response.ok) warn('The preview server did not store a commit: HTTP ' + response.status);
    }, (error) => warn('The preview server did not store a commit: ' + error.message));
  };

  const start = async () => {
    const response = await fetch('/launch' + query, { method: 'POST' });
    if (response.status === 409) return refuse(await response.text());
    if (!response.ok) throw new Error('the preview server answered HTTP ' + response.status);
    const launch = await response.json();
    totalBefore = launch.totalSeconds;
    api = is12 ? new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
    api.loadFromJSON(launch.cmi.cmi, 'cmi');
    const failing = $('fail');
    let failCode = '0';
    const names = is12
      ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
      : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'];
    const facade = {};
    for (const name of names) {
      facade[name] = (...args) => {
        if (/LastError$/.test(name)) return failCode !== '0' ? failCode : api[name](...args);
        if (/Diagnostic$/.test(name) && failCode !== '0') return 'Preview LMS: commits are set to fail';
        if (/ErrorString$|Diagnostic$/.test(name)) return api[name](...args);
        failCode = '0';
        if (failing.checked && /SetValue$|Commit$|Finish$|Terminate$/.test(name)) {
          // A failing LMS: nothing the course sends is stored.
          failCode = '101';
          record(name, args[0] ?? '', args[1] ?? '', 'false', '101 (simulated failure)');
          return 'false';
        }
        const result = api[name](...args);
        const code = String(api[is12 ? 'LMSGetLastError' : 'GetLastError']());
        const [element, value] = args;
        if (/SetValue$/.test(name)) {
          if (is12 && element === 'cmi.suspend_data' && String(value).length > 4096) {
            warn('FAIL: cmi.suspend_data is ' + String(value).length + ' characters; SCORM 1.2 allows 4096 and strict LMSs cut or refuse more.');
            record(name, element, value, 'false', 'over 4096 (strict LMS would refuse)');
          }
          if (code !== '0') warn(name + '(' + element + ') was refused with error ' + code);
        }
        record(name, /Value$/.test(name) ? element : '', /SetValue$/.test(name) ? value : /GetValue$/.test(name) ? result : '', result, code);
        if (/Commit$|Finish$|Terminate$/.test(name) && String(result) === 'true') {
          persist();
          if (/Finish$|Terminate$/.test(name) && !refused) state('Session ' + launch.session + ' ended: the LMS has stored the data. Relaunch to resume.');
        } else if (/Initialize$/.test(name) && !refused) {
          state('Session ' + launch.session + ' running (entry: ' + api[is12 ? 'LMSGetValue' : 'GetValue'](is12 ? 'cmi.core.entry' : 'cmi.entry') + ')');
        }
        show();
        return result;
      };
    }
    window[is12 ? 'API' : 'API_1484_11'] = facade;
    window.previewApi = api;
    show();
    $('sco').src = config.launch;
  };
  start().catch((error) => {
    const text = 'The launch failed: ' + (error && error.message ? error.message : String(error)) + '. "Reset attempt" starts a new attempt.';
    state('Launch failed');
    warn(text);
  });
})();
</script>
</body>
</html>
`;
}
