// An OPC UA server for the tests, on node-opcua: three variables under Line1 changing every
// 100 ms. Each value's source timestamp is one hour behind the wall clock, as a PLC with its own
// clock might stamp it, so a gateway passing on its own or the server's time is caught. Every
// change is logged on stdout as {"node":..,"v":..,"ts":..}: the oracle the tests compare with.
// usage: NODE_PATH=gateway/opcua/node_modules node opcua_test_server.js PORT PKI_DIR [USER PASSWORD]
"use strict";
const opcua = require("node-opcua");

const [port, pki, user, password] = process.argv.slice(2);
const SOURCE_CLOCK_OFFSET_MS = -3600 * 1000;

async function main() {
  const server = new opcua.OPCUAServer({
    port: Number(port),
    resourcePath: "/UA/ParkTwinTest",
    allowAnonymous: !user,
    userManager: user ? { isValidUser: (u, p) => u === user && p === password } : undefined,
    serverCertificateManager: new opcua.OPCUACertificateManager({ rootFolder: pki, automaticallyAcceptUnknownCertificate: true }),
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  const ns = addressSpace.getOwnNamespace();
  const line = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: "Line1" });
  const variables = [
    ["Line1.Temperature", opcua.DataType.Double, (i) => 20 + i * 0.5],
    ["Line1.Running", opcua.DataType.Boolean, (i) => i % 2 === 0],
    ["Line1.Count", opcua.DataType.Int32, (i) => i - 3],
  ].map(([id, dataType, valueAt]) => ({
    id, dataType, valueAt,
    variable: ns.addVariable({ componentOf: line, nodeId: `s=${id}`, browseName: id.split(".")[1], dataType }),
  }));
  let step = 0;
  const tick = () => {
    const ts = new Date(Date.now() + SOURCE_CLOCK_OFFSET_MS);
    for (const v of variables) {
      const value = v.valueAt(step);
      v.variable.setValueFromSource({ dataType: v.dataType, value }, opcua.StatusCodes.Good, ts);
      process.stdout.write(JSON.stringify({ node: `ns=${ns.index};s=${v.id}`, v: typeof value === "boolean" ? (value ? 1 : 0) : value, ts: ts.getTime() }) + "\n");
    }
    ++step;
  };
  tick();
  setInterval(tick, 100);
  await server.start();
  process.stdout.write(JSON.stringify({ ready: true, endpoint: server.getEndpointUrl() }) + "\n");
  process.on("SIGTERM", () => server.shutdown(0).then(() => process.exit(0)));
}

main().catch((e) => { process.stderr.write(`opcua_test_server: ${e.stack}\n`); process.exit(1); });
