// npm's postinstall: records which package-lock.json node_modules was installed from, so
// `npm start` / `npm test` know it is current (scripts/lib.sh, ensure_node_modules) after an
// `npm ci` run by hand as well as by them.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const modules = path.join(root, 'node_modules');
// The lock file's hash and the Node.js ABI the native modules were built for.
const recorded = () =>
  `${crypto.createHash('sha256').update(fs.readFileSync(lock)).digest('hex')}-abi${process.versions.modules}`;
if (process.argv.includes('--print')) console.log(recorded());
else if (fs.existsSync(lock) && fs.existsSync(modules)) fs.writeFileSync(path.join(modules, '.banli-lock-hash'), `${recorded()}\n`);
