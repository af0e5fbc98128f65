const Papa = require('papaparse');
const fs = require('fs');
const text = Buffer.from(fs.readFileSync('/tmp/inv-1m.csv', 'utf8').slice(0, 1 << 20)).toString();
const p = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
for (let k = 0; k < 3; k++) { let t = Date.now(); const r = p.parse(text, 0, true); console.log('parser', r.data.length, Date.now() - t, 'ms'); }
let t = Date.now(); const rows = text.split('\n').map(r => r.split(',')); console.log('split', rows.length, Date.now() - t);
console.log(process.versions.v8, require('papaparse/package.json').version);
