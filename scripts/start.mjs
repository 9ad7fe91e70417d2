// `npm start`: the desktop window when Electron's runtime is here or can be installed; otherwise one line that
// says so, and the same console served to a browser on 127.0.0.1 (the browser host prints its URL).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

/** electron's own installer: exits 0 when the binary is present or was downloaded, non-zero when it cannot be. */
function electronInstalled() {
  const result = spawnSync(process.execPath, [require.resolve('electron/install.js')], { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, detail: (result.stderr || result.stdout || '').trim().split('\n').find((l) => /Error|error/.test(l)) ?? '' };
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const installed = electronInstalled();
if (installed.ok) {
  const electronBinary = require('electron'); // under plain Node this is the binary's path
  run(electronBinary, ['.', ...passThrough]);
} else {
  console.log(
    `Electron's runtime cannot be installed here (${installed.detail.slice(0, 120) || 'its download failed'}); ` +
      'serving the same console to a browser instead.',
  );
  run(process.execPath, [fileURLToPath(new URL('../out/main/serve.js', import.meta.url)), ...passThrough]);
}
