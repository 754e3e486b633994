#pragma once
// --mqtt, --user, --password and --tls-ca, shared by the commands that talk to a broker.
#include <optional>
#include <string>

#include "parktwin/feed/broker.hpp"

namespace CLI {
class App;
}

namespace parktwin::cli {

// --user, --password and --tls-ca on `sub`, worded alike wherever a command talks to a broker.
void addBrokerCredentialOptions(CLI::App& sub, std::string& user, std::string& password, std::string& tlsCa);

// The broker those flags name; nullopt after printing the problem to stderr. Warns on stderr
// when the samples and password would cross the network unencrypted (docs/mqtt.md).
std::optional<feed::BrokerOptions> brokerFromFlags(const std::string& mqtt, const std::string& user,
                                                   const std::string& password, const std::string& tlsCa);

}  // namespace parktwin::cli
