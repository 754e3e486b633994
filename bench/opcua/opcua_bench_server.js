// The OPC UA server of bench/opcua: COUNT Double variables ns=1;s=V<i>, all changed every
// INTERVAL_MS by one timer. Kept cheap so that the server is not what the bench measures: the
// values are Variants made once (a ring of VALUE_RING, variable i at step s takes ring entry
// (s + i) mod VALUE_RING, so every tick changes every value), and one tick sets them all with one
// source timestamp. Every 500 ms it writes {"changes": <all value changes so far>, "late_ticks":
// <ticks that started over an interval late>, "tick_cpu_ms": <CPU the ticks took>} on stdout:
// what the server offered, the baseline of the ratio; late ticks say that this process, not what
// reads it, could not keep up, and the ticks' CPU against the process's says how much of its work
// is making changes and how much is sampling them and serving the subscription.
// usage: NODE_PATH=gateway/opcua/node_modules node opcua_bench_server.js PORT PKI_DIR COUNT INTERVAL_MS
"use strict";
const opcua = require("node-opcua");

const [port, pki, count, intervalMs] = process.argv.slice(2).map((v, i) => (i === 1 ? v : Number(v)));
const VALUE_RING = 16;

async function main() {
  const server = new opcua.OPCUAServer({
    port, resourcePath: "/UA/Bench", maxAllowedSessionNumber: 4,
    serverCertificateManager: new opcua.OPCUACertificateManager({ rootFolder: pki, automaticallyAcceptUnknownCertificate: true }),
  });
  await server.initialize();
  const ns = server.engine.addressSpace.getOwnNamespace();
  const folder = ns.addObject({ organizedBy: server.engine.addressSpace.rootFolder.objects, browseName: "Bench" });
  const variables = [];
  for (let i = 0; i < count; ++i) {
    variables.push(ns.addVariable({ componentOf: folder, nodeId: `s=V${i}`, browseName: `V${i}`, dataType: "Double" }));
  }
  const ring = Array.from({ length: VALUE_RING }, (_, k) => new opcua.Variant({ dataType: opcua.DataType.Double, value: k + 0.5 }));
  let changes = 0;
  let lateTicks = 0;
  let tickCpuUs = 0;  // what setting the values cost, apart from serving the subscription
  let step = 0;
  let due = Date.now() + intervalMs;
  const tick = () => {
    const cpu = process.cpuUsage();
    const now = Date.now();
    if (now - due > intervalMs) ++lateTicks;
    const stamp = new Date(now);
    ++step;
    for (let i = 0; i < variables.length; ++i) {
      variables[i].setValueFromSource(ring[(step + i) % VALUE_RING], opcua.StatusCodes.Good, stamp);
    }
    changes += variables.length;
    const spent = process.cpuUsage(cpu);
    tickCpuUs += spent.user + spent.system;
    // A self-correcting timer: setInterval drifts by the tick's own duration under load.
    due += intervalMs;
    setTimeout(tick, Math.max(0, due - Date.now()));
  };
  setTimeout(tick, intervalMs);
  setInterval(() => process.stdout.write(JSON.stringify({ changes, late_ticks: lateTicks, tick_cpu_ms: Math.round(tickCpuUs / 1000) }) + "\n"), 500);
  await server.start();
  process.stdout.write(JSON.stringify({ ready: true }) + "\n");
  process.on("SIGTERM", () => process.exit(0));
}

main().catch((e) => { process.stderr.write(`opcua_bench_server: ${e.stack}\n`); process.exit(1); });
