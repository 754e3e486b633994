#!/usr/bin/env node
// parktwin-opcua-gateway: subscribes to OPC UA variables and publishes their value changes to
// MQTT in ParkTwin's own shape, QoS 1. By default the changes of one OPC UA publish cycle go out
// as batches, topic parktwin/<park>/$batch, payload {"samples":[["<tag>",<source time ms>,v],..]}
// (at most MAX_BATCH_SAMPLES each): one MQTT message per value cost this process, the broker and
// the twin more than the value itself and capped the feed near 2,000 values/s (docs/performance.md).
// With "publish": "each" in the config (or PARKTWIN_OPCUA_GATEWAY_PUBLISH=each) every value goes
// alone to parktwin/<park>/<tag> as {"ts": <source time ms>, "v": n}, for subscribers that only
// know that shape. No C/C++ OPC UA stack is packaged for Debian 12, so the twin runs this program
// (OpcUaGatewaySource) and reads its MQTT output; it can also run on its own.
//
// usage: parktwin-opcua-gateway CONFIG.json   (or "-": the config on standard input, which keeps
//        passwords out of files and process listings)
// Diagnostics go to standard error as JSON lines: {"level":"error","kind":..,"message":..,
// "message_zh":..}, each error worded in English and Chinese (a reason from node-opcua, mqtt.js or
// the system stays as they give it); the twin shows the last error per source in the window's or
// CLI's language. Problems are retried with backoff, never a crash.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const mqtt = require("mqtt");
const opcua = require("node-opcua");

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30000;
// Some 40 bytes a sample: about 80 KiB a message, far under the twin's 1 MiB batch limit.
const MAX_BATCH_SAMPLES = 2000;

function report(level, fields) {
  process.stderr.write(JSON.stringify({ level, time: Date.now(), ...fields }) + "\n");
}
const info = (event, fields = {}) => report("info", { event, ...fields });
const error = (kind, message, messageZh, fields = {}) =>
  report("error", { kind, message: String(message), message_zh: String(messageZh), ...fields });

function readConfig(arg) {
  const text = fs.readFileSync(arg === "-" ? 0 : arg, "utf8");
  const config = JSON.parse(text);
  const need = (cond, where, what, whatZh) => {
    if (!cond) throw Object.assign(new Error(`config: ${where}: ${what}`), { message_zh: `配置：${where}：${whatZh}` });
  };
  need(typeof config.endpoint === "string" && config.endpoint.startsWith("opc.tcp://"), "/endpoint",
       "expected opc.tcp://host:port[/path]", "应为 opc.tcp://host:port[/path]");
  need(typeof config.park === "string" && config.park.length > 0, "/park", "expected the park id", "应为园区 ID");
  need(Array.isArray(config.nodes) && config.nodes.length > 0, "/nodes", "expected at least one node", "至少应有一个节点");
  config.nodes.forEach((n, i) => {
    need(typeof n.node_id === "string", `/nodes/${i}/node_id`, `expected a NodeId such as "ns=2;s=Line1.Temperature"`,
         `应为 NodeId，例如 "ns=2;s=Line1.Temperature"`);
    need(typeof n.tag === "string" && n.tag.length > 0, `/nodes/${i}/tag`, "expected a tag id", "应为标签 ID");
  });
  need(["none", "basic256sha256_sign", "basic256sha256_sign_and_encrypt"].includes(config.security || "none"), "/security",
       "expected none, basic256sha256_sign or basic256sha256_sign_and_encrypt",
       "应为 none、basic256sha256_sign 或 basic256sha256_sign_and_encrypt");
  need(config.mqtt && typeof config.mqtt.host === "string", "/mqtt/host", "expected the broker's host", "应为代理的主机");
  config.publish = config.publish || process.env.PARKTWIN_OPCUA_GATEWAY_PUBLISH || "batch";
  need(["batch", "each"].includes(config.publish), "/publish", "expected batch or each", "应为 batch 或 each");
  return config;
}

function securityOptions(config) {
  const security = config.security || "none";
  if (security === "none") return { securityMode: opcua.MessageSecurityMode.None, securityPolicy: opcua.SecurityPolicy.None };
  const options = {
    securityMode: security === "basic256sha256_sign" ? opcua.MessageSecurityMode.Sign : opcua.MessageSecurityMode.SignAndEncrypt,
    securityPolicy: opcua.SecurityPolicy.Basic256Sha256,
  };
  if (config.certificate_file) options.certificateFile = config.certificate_file;
  if (config.private_key_file) options.privateKeyFile = config.private_key_file;
  return options;
}

function userIdentity(config) {
  if (!config.username) return { type: opcua.UserTokenType.Anonymous };
  return { type: opcua.UserTokenType.UserName, userName: config.username, password: config.password || "" };
}

function toNumber(variant) {
  const v = variant && variant.value;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return Number(v);
  // Int64/UInt64 arrive as [high, low] 32-bit words.
  if (Array.isArray(v) && v.length === 2 && (variant.dataType === opcua.DataType.Int64 || variant.dataType === opcua.DataType.UInt64)) {
    return v[0] * 4294967296 + v[1];
  }
  return null;
}

function sourceTimeMs(dataValue) {
  const t = dataValue.sourceTimestamp || dataValue.serverTimestamp;
  return t ? t.getTime() : Date.now();
}

class Gateway {
  constructor(config) {
    this.config = config;
    this.received = 0;   // notifications from the OPC UA subscription
    this.published = 0;  // values handed to MQTT
    this.messages = 0;   // MQTT messages
    this.dropped = 0;
    this.batch = [];
    this.batchTopic = `parktwin/${config.park}/$batch`;
    this.stopping = false;
    this.backoff = MIN_BACKOFF_MS;
    this.client = null;
    this.session = null;
    this.mqtt = this.connectMqtt(config.mqtt);
  }

  connectMqtt(m) {
    const url = `${m.ca_file ? "mqtts" : "mqtt"}://${m.host}:${m.port || (m.ca_file ? 8883 : 1883)}`;
    const options = { reconnectPeriod: 1000, clean: true, clientId: m.client_id || `parktwin-opcua-${process.pid}` };
    if (m.username) { options.username = m.username; options.password = m.password || ""; }
    if (m.ca_file) options.ca = fs.readFileSync(m.ca_file);
    const client = mqtt.connect(url, options);
    client.on("connect", () => info("mqtt_connected", { broker: url }));
    client.on("error", (e) => error("mqtt", `MQTT ${url}: ${e.message}`, `MQTT ${url}：${e.message}`));
    client.on("offline", () => error("mqtt", `MQTT ${url}: offline, reconnecting`, `MQTT ${url}：已离线，正在重连`));
    return client;
  }

  publish(node, dataValue) {
    ++this.received;
    if (!dataValue.statusCode.isGood()) {
      const status = dataValue.statusCode.toString();
      error("bad_value", `${node.node_id}: ${status}`, `${node.node_id}：${status}`, { node_id: node.node_id, tag: node.tag });
      return;
    }
    const v = toNumber(dataValue.value);
    if (v === null) {
      error("not_a_number", `${node.node_id}: the value is not a number or boolean`, `${node.node_id}：值不是数字或布尔值`,
            { node_id: node.node_id, tag: node.tag });
      return;
    }
    if (!this.mqtt.connected) {
      // mqtt.js would queue in memory without bound while the broker is away: drop and say so.
      if (this.dropped++ === 0) {
        error("mqtt", "the broker is unreachable: values are dropped until it is back", "无法连接代理：在它恢复之前数值被丢弃");
      }
      return;
    }
    this.dropped = 0;
    if (this.config.publish === "each") {
      this.send(`parktwin/${this.config.park}/${node.tag}`, JSON.stringify({ ts: sourceTimeMs(dataValue), v }), 1);
      return;
    }
    // The notifications of one publish response arrive in one go: they leave as one message
    // once it is handled (setImmediate), so batching adds no wait of its own.
    if (this.batch.length === 0) setImmediate(() => this.flush());
    this.batch.push([node.tag, sourceTimeMs(dataValue), v]);
    if (this.batch.length >= MAX_BATCH_SAMPLES) this.flush();
  }

  flush() {
    if (this.batch.length === 0) return;
    const samples = this.batch;
    this.batch = [];
    this.send(this.batchTopic, JSON.stringify({ samples }), samples.length);
  }

  send(topic, payload, values) {
    this.mqtt.publish(topic, payload, { qos: 1 });
    this.published += values;
    ++this.messages;
  }

  async run() {
    while (!this.stopping) {
      try {
        await this.connectOnce();
        this.backoff = MIN_BACKOFF_MS;
        await new Promise((resolve) => { this.lost = resolve; });
      } catch (e) {
        // Our own errors carry their Chinese words; node-opcua's text is shown as it gives it.
        error(e.kind || "endpoint", `${this.config.endpoint}: ${e.message}`, `${this.config.endpoint}：${e.message_zh || e.message}`,
              { retry_in_ms: this.backoff });
      }
      await this.teardown();
      if (this.stopping) break;
      await new Promise((r) => setTimeout(r, this.backoff));
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    }
  }

  async connectOnce() {
    const pki = this.config.pki_dir || path.join(os.homedir(), ".config", "parktwin", "opcua-pki");
    // Trust on first use: an unknown server certificate is accepted and kept in <pki>/trusted;
    // a changed one is then refused.
    const clientCertificateManager = new opcua.OPCUACertificateManager({ rootFolder: pki, automaticallyAcceptUnknownCertificate: true });
    this.client = opcua.OPCUAClient.create({
      applicationName: "ParkTwin OPC UA gateway",
      endpointMustExist: false,
      connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
      keepSessionAlive: true,
      clientCertificateManager,
      ...securityOptions(this.config),
    });
    this.client.on("connection_lost", () => {
      error("connection_lost", `${this.config.endpoint}: connection lost, reconnecting`, `${this.config.endpoint}：连接中断，正在重连`);
      if (this.lost) this.lost();
    });
    await this.client.connect(this.config.endpoint);
    try {
      this.session = await this.client.createSession(userIdentity(this.config));
    } catch (e) {
      e.kind = "session";
      throw e;
    }
    info("connected", { endpoint: this.config.endpoint });
    await this.monitor();
  }

  // Checks every NodeId with one Read first, so a wrong one is named in an error and left out
  // instead of failing the subscription.
  async validNodes() {
    const nodes = [];
    for (const node of this.config.nodes) {
      try {
        node.resolved = opcua.resolveNodeId(node.node_id);
        nodes.push(node);
      } catch (e) {
        error("bad_node_id", `${node.node_id}: not a NodeId (${e.message})`, `${node.node_id}：不是 NodeId（${e.message}）`,
              { node_id: node.node_id, tag: node.tag });
      }
    }
    const results = await this.session.read(nodes.map((n) => ({ nodeId: n.resolved, attributeId: opcua.AttributeIds.Value })));
    return nodes.filter((node, i) => {
      const status = results[i].statusCode;
      if (status.equals(opcua.StatusCodes.BadNodeIdUnknown) || status.equals(opcua.StatusCodes.BadNodeIdInvalid)) {
        error("bad_node_id", `${node.node_id}: ${status.toString()}`, `${node.node_id}：${status.toString()}`,
              { node_id: node.node_id, tag: node.tag });
        return false;
      }
      return true;
    });
  }

  async monitor() {
    const nodes = await this.validNodes();
    if (nodes.length === 0) {
      throw Object.assign(new Error("no valid node to monitor"), { kind: "bad_node_id", message_zh: "没有可监视的有效节点" });
    }
    const fastest = Math.min(...nodes.map((n) => n.sampling_interval_ms ?? 500));
    const subscription = await this.session.createSubscription2({
      requestedPublishingInterval: Math.max(50, fastest), requestedLifetimeCount: 600, requestedMaxKeepAliveCount: 20,
      maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 10,
    });
    const items = nodes.map((n) => ({ nodeId: n.resolved, attributeId: opcua.AttributeIds.Value }));
    const group = await subscription.monitorItems(items, { samplingInterval: fastest, discardOldest: true, queueSize: 100 },
                                                  opcua.TimestampsToReturn.Both);
    group.on("changed", (item, dataValue, index) => this.publish(nodes[index], dataValue));
    info("subscribed", { items: nodes.length, sampling_interval_ms: fastest });
  }

  async teardown() {
    this.lost = null;
    const client = this.client;
    this.client = null;
    this.session = null;
    if (client) await client.disconnect().catch(() => {});
  }

  async stop() {
    this.stopping = true;
    if (this.lost) this.lost();
    await this.teardown();
    if (this.mqtt.connected) this.flush();  // what the last publish cycle brought, before goodbye
    await new Promise((r) => this.mqtt.end(false, {}, r));
    info("stopped", { published: this.published });
  }
}

async function main() {
  if (process.argv.length !== 3) {
    process.stderr.write("usage: parktwin-opcua-gateway CONFIG.json | -\n");
    process.exit(2);
  }
  let config;
  try {
    config = readConfig(process.argv[2]);
  } catch (e) {
    error("config", e.message, e.message_zh || e.message);
    process.exit(2);
  }
  const gateway = new Gateway(config);
  const shutdown = () => {
    setTimeout(() => process.exit(0), 3000).unref();  // a hung disconnect must not keep us alive
    gateway.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  process.on("unhandledRejection", (e) => {
    const message = e && e.message ? e.message : e;
    error("internal", message, message);  // a library's own text
  });
  setInterval(() => {
    const counters = { received: gateway.received, published: gateway.published, messages: gateway.messages };
    info("counters", counters);
    // bench/opcua reads each stage's count from here, beside the CPU each process used.
    if (process.env.PARKTWIN_OPCUA_GATEWAY_STATS_DIR) {
      fs.writeFileSync(path.join(process.env.PARKTWIN_OPCUA_GATEWAY_STATS_DIR, `gateway-${process.pid}.json`), JSON.stringify(counters));
    }
  }, 1000).unref();
  // Values read before the broker is there would only be dropped: the OPC UA side waits for it.
  await new Promise((resolve) => gateway.mqtt.once("connect", resolve));
  await gateway.run();
}

main();
