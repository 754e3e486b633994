#include "mqtt_words.hpp"

#include <mosquitto.h>

namespace parktwin::feed::detail {

SourceError mosquittoErrorWords(int mosquittoError) {
  switch (mosquittoError) {
    case MOSQ_ERR_NOMEM: return {"out of memory", "内存不足"};
    case MOSQ_ERR_PROTOCOL: return {"the broker broke the MQTT protocol", "代理违反了 MQTT 协议"};
    case MOSQ_ERR_INVAL: return {"invalid arguments (a broker address, topic or client id)", "参数无效（代理地址、主题或客户端 ID）"};
    case MOSQ_ERR_NO_CONN: return {"not connected to the broker", "未连接到代理"};
    case MOSQ_ERR_CONN_REFUSED: return {"the broker refused the connection", "代理拒绝了连接"};
    case MOSQ_ERR_CONN_LOST:
      return {"the broker closed the connection or the network dropped it", "代理关闭了连接，或网络断开了连接"};
    case MOSQ_ERR_TLS: return {"TLS failed (the broker's certificate or the CA file)", "TLS 失败（代理的证书或 CA 文件）"};
    case MOSQ_ERR_TLS_HANDSHAKE: return {"the TLS handshake with the broker failed", "与代理的 TLS 握手失败"};
    case MOSQ_ERR_PAYLOAD_SIZE: return {"a message too large for MQTT", "消息超出 MQTT 允许的大小"};
    case MOSQ_ERR_OVERSIZE_PACKET: return {"a packet larger than the broker allows", "数据包超出代理允许的大小"};
    case MOSQ_ERR_NOT_SUPPORTED: return {"not supported by this MQTT library", "此 MQTT 库不支持该功能"};
    case MOSQ_ERR_AUTH: return {"the broker did not accept the user name or password", "代理不接受用户名或密码"};
    case MOSQ_ERR_ACL_DENIED: return {"the broker's access rules deny it", "代理的访问规则不允许"};
    case MOSQ_ERR_ERRNO: return {"a system error on the connection", "连接发生系统错误"};
    case MOSQ_ERR_EAI: return {"the broker's host name cannot be resolved", "无法解析代理的主机名"};
    case MOSQ_ERR_LOOKUP: return {"the broker's host name cannot be resolved", "无法解析代理的主机名"};
    case MOSQ_ERR_PROXY: return {"the SOCKS proxy failed", "SOCKS 代理出错"};
    case MOSQ_ERR_KEEPALIVE: return {"the broker stopped answering (keepalive)", "代理不再应答（心跳超时）"};
    case MOSQ_ERR_MALFORMED_PACKET: return {"a malformed MQTT packet", "MQTT 数据包格式错误"};
    case MOSQ_ERR_TIMEOUT: return {"no answer from the broker in time", "代理未及时应答"};
    default: {
      const std::string text = mosquitto_strerror(mosquittoError);
      return {text, text};
    }
  }
}

SourceError connackWords(int returnCode) {
  switch (returnCode) {
    case 1: return {"the broker does not speak MQTT 3.1.1", "代理不支持 MQTT 3.1.1"};
    case 2: return {"the broker rejected the client id", "代理拒绝了客户端 ID"};
    case 3: return {"the broker is unavailable", "代理暂不可用"};
    case 4: return {"bad user name or password", "用户名或密码错误"};
    case 5: return {"not authorised", "未获授权"};
    default: {
      const std::string text = mosquitto_connack_string(returnCode);
      return {text, text};
    }
  }
}

SourceError TakeoverWatch::closedByBroker(Clock::time_point at, std::string_view clientId) {
  const bool soon = acceptedAt_ && at - *acceptedAt_ < kSoon;
  quickCloses_ = soon ? quickCloses_ + 1 : 1;
  acceptedAt_.reset();
  const std::string id(clientId);
  if (id.empty()) return {"connection lost: the broker closed the connection", "连接中断：代理关闭了连接"};
  if (tookOver()) {
    return {"another client took over client id " + id +
                " (MQTT allows one connection per client id): give each program that records this broker its own client_id",
            "另一个客户端接管了客户端 ID " + id + "（MQTT 每个客户端 ID 只允许一个连接）：请为记录此代理的每个程序设置各自的 client_id"};
  }
  return {"connection lost: the broker closed the connection (it stopped or restarted, or another client connected with client id " + id + ")",
          "连接中断：代理关闭了连接（代理停止或重启，或另一个客户端以客户端 ID " + id + " 连接）"};
}

}  // namespace parktwin::feed::detail
