/**
 * The report's one stylesheet, inlined into every HTML report: no font, image or other resource is
 * fetched. Colours are custom properties on `.awb-report`, light by default, dark when the reader's
 * system prefers it (or when the app's preview asks with `data-scheme`), and always light on paper.
 */
type Palette = Record<string, string>;

const LIGHT: Palette = {
  bg: '#ffffff',
  surface: '#f6f7f9',
  border: '#d9dde3',
  text: '#1b1f24',
  muted: '#57606a',
  accent: '#0b62d6',
  pass: '#116329',
  'pass-soft': '#e4f4e8',
  fail: '#b42318',
  'fail-soft': '#fdecea',
  warn: '#7a5200',
  'warn-soft': '#fff5d6',
  skip: '#57606a',
  'skip-soft': '#eef0f3',
  info: '#0b62d6',
  'info-soft': '#e3eefc',
  mark: '#efe4ff',
  'mark-text': '#4b2a86',
};

const DARK: Palette = {
  bg: '#16181d',
  surface: '#1d2027',
  border: '#2e333d',
  text: '#e6e8eb',
  muted: '#a0a8b4',
  accent: '#5b9dff',
  pass: '#4ac26b',
  'pass-soft': '#16291d',
  fail: '#ff7b72',
  'fail-soft': '#3a1d1d',
  warn: '#e3b341',
  'warn-soft': '#33290f',
  skip: '#9198a1',
  'skip-soft': '#252932',
  info: '#79b0ff',
  'info-soft': '#1d2b45',
  mark: '#33264d',
  'mark-text': '#d9c7ff',
};

const vars = (palette: Palette): string =>
  Object.entries(palette)
    .map(([name, value]) => `--${name}:${value};`)
    .join('');

const TONES = ['pass', 'fail', 'warn', 'skip', 'info'];

export const REPORT_CSS = `
:root{color-scheme:light dark}
body{margin:0;background:#fff}
.awb-report{${vars(LIGHT)}}
@media (prefers-color-scheme:dark){body{background:${DARK.bg}}.awb-report:not([data-scheme=light]){${vars(DARK)}}}
.awb-report[data-scheme=dark]{${vars(DARK)}}
.awb-report{background:var(--bg);color:var(--text);font:13px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,Cantarell,"Noto Sans","DejaVu Sans",sans-serif;padding:32px 40px 48px;max-width:1040px;margin:0 auto;box-sizing:border-box}
.awb-report *{box-sizing:border-box}
.awb-report .mono,.awb-report pre,.awb-report code{font-family:ui-monospace,"SF Mono","Cascadia Mono",Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:12px}
.awb-report h1{font-size:24px;line-height:1.25;margin:4px 0 12px;font-weight:650;overflow-wrap:anywhere}
.awb-report h2{font-size:19px;line-height:1.3;margin:0;font-weight:650;overflow-wrap:anywhere}
.awb-report h3{font-size:14px;margin:22px 0 8px;font-weight:650;text-transform:none}
.awb-report h4{font-size:12px;margin:14px 0 6px;font-weight:650;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.awb-report p{margin:0 0 8px}
.awb-report ul,.awb-report ol{margin:0 0 8px;padding-left:22px}
.awb-report li{margin:2px 0}
.awb-report .eyebrow,.awb-report .kicker{margin:0;font-size:11px;font-weight:650;letter-spacing:.08em;text-transform:uppercase;color:var(--accent)}
.awb-report .cover{border-bottom:3px solid var(--accent);padding-bottom:16px;margin-bottom:20px}
.awb-report .muted{color:var(--muted)}
.awb-report .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px 20px;margin:12px 0 4px;padding:12px 16px;background:var(--surface);border:1px solid var(--border);border-radius:8px}
.awb-report .facts div{min-width:0}
.awb-report .facts dt{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.awb-report .facts dd{margin:0;overflow-wrap:anywhere;font-weight:550}
.awb-report .redaction{margin-top:14px;padding:10px 14px;border-left:3px solid var(--mark-text);background:var(--mark);color:var(--text);border-radius:0 6px 6px 0}
.awb-report .redaction ul{margin:4px 0 0;padding-left:18px}
.awb-report .toc{margin:0 0 24px}
.awb-report .toc ol{columns:2;column-gap:32px}
.awb-report .toc a{color:var(--accent);text-decoration:none}
.awb-report .section{padding:22px 0 8px;border-top:1px solid var(--border)}
.awb-report .section:first-of-type{border-top:0;padding-top:4px}
.awb-report .section-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px}
.awb-report .section-head .kicker{flex-basis:100%}
.awb-report .headline{font-size:14px;font-weight:550;margin:8px 0}
.awb-report .badge{display:inline-flex;align-items:center;gap:4px;padding:0 8px;border-radius:999px;font-size:11px;font-weight:650;line-height:20px;white-space:nowrap;vertical-align:middle}
.awb-report .icon{flex:none;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
${TONES.map((t) => `.awb-report .badge.${t}{color:var(--${t});background:var(--${t}-soft)}.awb-report .cell.${t}{color:var(--${t})}`).join('\n')}
.awb-report table{border-collapse:collapse;width:100%;margin:4px 0 8px}
.awb-report th,.awb-report td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--border);overflow-wrap:anywhere}
.awb-report thead th{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--border)}
.awb-report .num{text-align:right;white-space:nowrap}
.awb-report .matrix{table-layout:fixed}
.awb-report .matrix th[scope=row]{width:22%;font-weight:550}
.awb-report .matrix tr.group th{background:var(--surface);font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);padding-top:6px}
.awb-report .cell{font-weight:650;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.awb-report .cell .icon{vertical-align:-1px;margin-right:4px}
.awb-report .cell .detail{font-weight:400;color:var(--muted);margin-left:6px;font-size:11px}
.awb-report .cell.fail{white-space:normal}.awb-report .cell.fail .detail{display:block;margin-left:16px}
.awb-report .failures,.awb-report .findings{list-style:none;padding:0}
.awb-report .failure,.awb-report .finding{border:1px solid var(--border);border-left:3px solid var(--fail);border-radius:6px;padding:10px 14px;margin:0 1px 10px 0;background:var(--bg)}
.awb-report .finding.warning{border-left-color:var(--warn)}.awb-report .finding.info{border-left-color:var(--info)}
.awb-report .failure-title{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.awb-report .class,.awb-report .code{color:var(--muted)}
.awb-report .where{margin:4px 0}
.awb-report pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:6px 0;padding:8px 10px;background:var(--surface);border:1px solid var(--border);border-radius:6px}
.awb-report .fix strong{margin-right:6px}
.awb-report .finding-head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px}
.awb-report .finding-head h3{margin:0;font-size:15px;flex:1 1 300px}
.awb-report .rank{display:inline-grid;place-items:center;width:24px;height:24px;border-radius:50%;background:var(--accent);color:var(--bg);font-weight:700;font-size:12px}
.awb-report .confidence{font-size:12px;color:var(--muted)}
.awb-report .evidence{margin:6px 0}
.awb-report .evidence figcaption,.awb-report .artifact figcaption{font-size:12px;color:var(--muted)}
.awb-report .steps li{margin:3px 0}
.awb-report .findings-list{padding-left:0;list-style:none}
.awb-report .findings-list li{margin:0 0 8px}
.awb-report .kv-pair{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.awb-report .kv table{table-layout:fixed}
.awb-report .kv th{width:42%;font-weight:400;color:var(--muted)}
.awb-report .artifact{margin:8px 0 14px}
.awb-report .lint li,.awb-report .problems li{margin:0 0 8px}
.awb-report mark.redacted{background:var(--mark);color:var(--mark-text);border-radius:3px;padding:0 2px;outline:1px dashed var(--mark-text);outline-offset:-1px;white-space:nowrap}
.awb-report .report-footer{margin-top:28px;padding-top:10px;border-top:1px solid var(--border);font-size:11px;color:var(--muted)}
@media (max-width:720px){.awb-report{padding:20px 16px}.awb-report .kv-pair{grid-template-columns:1fr}.awb-report .toc ol{columns:1}}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
body{background:#fff}
.awb-report,.awb-report[data-scheme]{${vars(LIGHT)}padding:0;max-width:none;font-size:11px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
/* Each section starts a page of its own, so a report of several reads as chapters. */
.awb-report .section+.section{break-before:page;border-top:0;padding-top:0}
.awb-report h2,.awb-report h3,.awb-report h4,.awb-report .section-head{break-after:avoid}
.awb-report tr,.awb-report .failure,.awb-report .finding li,.awb-report .facts,.awb-report figure{break-inside:avoid}
.awb-report thead{display:table-header-group}
.awb-report .toc a{color:inherit}
}
`.trim();
