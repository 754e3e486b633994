#include "broker_flags.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "command_registry.hpp"

namespace parktwin::cli {

void addBrokerCredentialOptions(CLI::App& sub, std::string& user, std::string& password, std::string& tlsCa) {
  sub.add_option("--user", user, say("MQTT user name", "MQTT 用户名"));
  sub.add_option("--password", password, say("MQTT password", "MQTT 密码"));
  sub.add_option("--tls-ca", tlsCa, say("Use TLS, verifying the broker against this CA file", "使用 TLS，并用这个 CA 文件验证 MQTT 代理"));
}

std::optional<feed::BrokerOptions> brokerFromFlags(const std::string& mqtt, const std::string& user,
                                                   const std::string& password, const std::string& tlsCa) {
  auto broker = feed::parseBrokerAddress(mqtt, !tlsCa.empty());
  if (!broker) {
    std::cerr << "--mqtt: " << broker.error().message << "\n";
    return std::nullopt;
  }
  broker->username = user;
  broker->password = password;
  broker->tls_ca_file = tlsCa;
  if (feed::sendsInTheClear(*broker)) {
    std::cerr << "warning: MQTT to " << broker->host << " without TLS: the samples and any password cross the network "
                 "unencrypted (--tls-ca FILE turns TLS on)\n";
  }
  return *broker;
}

}  // namespace parktwin::cli
