// The OPC UA server of bench/opcua: COUNT Double variables ns=1;s=V<i>, all changed every
// INTERVAL_MS. Every 500 ms it writes {"changes": <all value changes so far>} on stdout: what the
// server offered, the baseline of the ratio.
// usage: NODE_PATH=gateway/opcua/node_modules node opcua_bench_server.js PORT PKI_DIR COUNT INTERVAL_MS
"use strict";
const opcua = require("node-opcua");

const [port, pki, count, intervalMs] = process.argv.slice(2).map((v, i) => (i === 1 ? v : Number(v)));

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
  let changes = 0;
  let step = 0;
  setInterval(() => {
    const now = new Date();
    ++step;
    for (const v of variables) v.setValueFromSource({ dataType: opcua.DataType.Double, value: step }, opcua.StatusCodes.Good, now);
    changes += variables.length;
  }, intervalMs);
  setInterval(() => process.stdout.write(JSON.stringify({ changes }) + "\n"), 500);
  await server.start();
  process.stdout.write(JSON.stringify({ ready: true }) + "\n");
  process.on("SIGTERM", () => process.exit(0));
}

main().catch((e) => { process.stderr.write(`opcua_bench_server: ${e.stack}\n`); process.exit(1); });
