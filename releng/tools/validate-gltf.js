// Validates glTF/GLB files with the Khronos glTF validator; prints "<file> errors N warnings M" per file.
const v = require('gltf-validator'); const fs = require('fs');
(async () => { let bad = 0;
 for (const f of process.argv.slice(2)) {
  const r = await v.validateBytes(new Uint8Array(fs.readFileSync(f)));
  console.log(f, 'errors', r.issues.numErrors, 'warnings', r.issues.numWarnings);
  for (const m of r.issues.messages.slice(0,5)) console.log('  ', m.code, m.message, m.pointer||'');
  if (r.issues.numErrors > 0) bad++; }
 process.exit(bad ? 1 : 0); })();
