#!/usr/bin/env node
// Runs the Electronegativity scanner over the shell, preload and renderer sources (plus the built page, where the
// CSP <meta> lives) and fails on any finding not explained in security/electronegativity-accepted.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = process.cwd();
const acceptedFile = path.join(root, 'security/electronegativity-accepted.json');
const accepted = JSON.parse(fs.readFileSync(acceptedFile, 'utf8'));
const builtPage = path.join(root, 'out/renderer/index.html');
if (!fs.existsSync(builtPage)) {
  console.error('electronegativity: build first (npm run build); the scan includes the built page and its CSP.');
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diwan-eneg-'));
try {
  for (const dir of ['main', 'preload', 'renderer']) fs.cpSync(path.join(root, dir), path.join(work, dir), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(work, 'package.json'));
  fs.mkdirSync(path.join(work, 'out/renderer'), { recursive: true });
  fs.copyFileSync(builtPage, path.join(work, 'out/renderer/index.html'));
  const csv = path.join(work, 'findings.csv');
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  // The scanner now and then writes a torn report (a row whose check is not a check name); such a report is not a
  // finding, so it is run again, up to three times in all.
  let findings = null;
  for (let attempt = 1; attempt <= 3 && !findings; attempt++) {
    fs.rmSync(csv, { force: true });
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', work, '-r', '-o', csv, '-v', 'false', '-e', electronVersion],
      { cwd: work, encoding: 'utf8' },
    );
    if (!fs.existsSync(csv)) {
      console.error(run.stdout, run.stderr);
      console.error('electronegativity: the scanner produced no report.');
      process.exit(1);
    }
    const [, ...rows] = parseCsv(fs.readFileSync(csv, 'utf8'));
    const parsed = rows.map((cells) => ({ check: cells[0]?.trim(), file: cells[3]?.trim(), location: cells[4]?.trim() }));
    if (parsed.every((f) => /^[A-Z][A-Z0-9_]+$/.test(f.check ?? ''))) findings = parsed;
    else console.log(`electronegativity: torn report on attempt ${attempt}, scanning again`);
  }
  if (!findings) {
    console.error('electronegativity: the scanner wrote no readable report in three attempts.');
    process.exit(1);
  }
  const unexplained = findings.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file));
  for (const f of findings) {
    const a = accepted.find((x) => x.check === f.check && x.file === f.file);
    console.log(`${a ? 'accepted ' : 'UNEXPLAINED'} ${f.check} ${f.file}:${f.location}${a ? ` — ${a.reason}` : ''}`);
  }
  const stale = accepted.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
  for (const a of stale) console.log(`note: accepted finding no longer reported, remove it: ${a.check} ${a.file}`);
  console.log(`electronegativity: ${findings.length} findings, ${unexplained.length} unexplained`);
  process.exit(unexplained.length ? 1 : 0);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks (the scanner's samples do). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim()));
}
