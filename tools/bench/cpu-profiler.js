// Preloaded (`node -r`) into the worker and the API by the benchmark when it profiles: SIGWINCH
// (no terminal here, and neither Temporal's Runtime nor Nest's shutdown hooks treat it as a stop
// signal, as both do SIGUSR2) starts the V8 CPU profiler, the next SIGWINCH stops it and writes
// $BENCH_PROFILE_DIR/<BENCH_PROFILE_NAME>-<pid>-<n>.cpuprofile (readable in Chrome DevTools).
// Signal-driven so the profile covers exactly one measured phase, and is written without
// the process having to exit (the API's shutdown hooks re-raise the signal, so --cpu-prof's
// exit-time write would never happen).
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  let n = 0;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 1000 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, res) => {
      if (err) return;
      fs.mkdirSync(dir, { recursive: true });
      const name = process.env.BENCH_PROFILE_NAME || 'node';
      fs.writeFileSync(path.join(dir, `${name}-${process.pid}-${++n}.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}
