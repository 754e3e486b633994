#include "broker_flags.hpp"

#include <iostream>

namespace parktwin::cli {

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
