/** The preview LMS page: the package in an iframe, the live data model and the API call log. */

export function previewPage(p: { title: string; version: '1.2' | '2004'; launch: string; mastery: number | null }): string {
  const config = JSON.stringify(p).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SCORM ${p.version} preview – ${p.title.replace(/</g, '&lt;')}</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr); height: 100vh; }
  header { grid-column: 1 / -1; padding: 0.5rem 1rem; background: #20303f; color: #fff; display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 1.05rem; margin: 0; }
  iframe { width: 100%; height: calc(100vh - 3.2rem); border: 0; border-right: 1px solid #ccc; }
  aside { overflow: auto; height: calc(100vh - 3.2rem); padding: 0 0.75rem; }
  h2 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
  pre { background: #f4f6f8; padding: 0.5rem; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; }
  td, th { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: left; vertical-align: top; word-break: break-all; }
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
</header>
<iframe id="sco" title="Course"></iframe>
<aside>
  <h2>Warnings</h2><ul id="warnings"><li id="no-warnings" style="color:inherit;font-weight:400">None</li></ul>
  <h2>Data model (cmi)</h2><pre id="model"></pre>
  <h2>API calls</h2>
  <table><thead><tr><th>#</th><th>call</th><th>element</th><th>value</th><th>result</th><th>error</th></tr></thead><tbody id="log"></tbody></table>
</aside>
<script src="/scorm-again.js"></script>
<script>
(async () => {
  const config = ${config};
  const is12 = config.version === '1.2';
  const saved = await (await fetch('/cmi')).json();
  const api = is12 ? new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  const data = saved ?? { cmi: is12
    ? { core: { student_id: 'preview-1', student_name: 'Meikäläinen, Maija', entry: 'ab-initio', lesson_mode: 'normal', credit: 'credit' }, student_data: config.mastery !== null ? { mastery_score: String(config.mastery) } : {} }
    : { learner_id: 'preview-1', learner_name: 'Maija Meikäläinen', entry: 'ab-initio', mode: 'normal', credit: 'credit' } };
  if (saved) {
    // A new launch of a suspended attempt: the LMS offers resume.
    const core = is12 ? data.cmi.core : data.cmi;
    core.entry = core.exit === 'suspend' ? 'resume' : '';
    core.exit = '';
    if (is12) core.session_time = '00:00:00'; else delete data.cmi.session_time;
  }
  api.loadFromJSON(data.cmi, 'cmi');
  const failing = document.getElementById('fail');
  const log = document.getElementById('log');
  const warnings = new Set();
  let n = 0;
  const record = (call, element, value, result, error) => {
    const row = document.createElement('tr');
    if (String(result) === 'false') row.className = 'fail';
    for (const cell of [++n, call, element ?? '', value ?? '', result, error]) {
      const td = document.createElement('td');
      td.textContent = String(cell).slice(0, 300);
      row.append(td);
    }
    log.prepend(row);
  };
  const warn = (text) => {
    if (warnings.has(text)) return;
    warnings.add(text);
    document.getElementById('no-warnings')?.remove();
    const li = document.createElement('li');
    li.textContent = text;
    document.getElementById('warnings').append(li);
  };
  const show = () => { document.getElementById('model').textContent = JSON.stringify(api.renderCMIToJSONObject(), null, 2); };
  let stored = Promise.resolve();
  const persist = () => (stored = fetch('/cmi', { method: 'PUT', body: JSON.stringify(api.renderCMIToJSONObject()) }));
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
        if (/Finish$|Terminate$/.test(name)) document.getElementById('state').textContent = 'Session ended: the LMS has stored the data. Relaunch to resume.';
      } else if (/Initialize$/.test(name)) {
        document.getElementById('state').textContent = 'Session running (entry: ' + api[is12 ? 'LMSGetValue' : 'GetValue'](is12 ? 'cmi.core.entry' : 'cmi.entry') + ')';
      }
      show();
      return result;
    };
  }
  window[is12 ? 'API' : 'API_1484_11'] = facade;
  window.previewApi = api;
  document.getElementById('relaunch').onclick = () => {
    document.getElementById('sco').src = 'about:blank'; // the course gets pagehide and finishes
    setTimeout(async () => { await stored; location.reload(); }, 200);
  };
  document.getElementById('reset').onclick = async () => { await fetch('/cmi', { method: 'DELETE' }); location.reload(); };
  show();
  document.getElementById('sco').src = config.launch;
})();
</script>
</body>
</html>
`;
}
