// Which broker addresses count as "this machine" for the no-TLS warning (docs/mqtt.md).
#include <gtest/gtest.h>

#include "parktwin/feed/broker.hpp"

namespace {

using namespace parktwin::feed;

TEST(BrokerAddress, LoopbackHostsAreRecognised) {
  for (const char* host : {"localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost."}) {
    EXPECT_TRUE(isLoopbackHost(host)) << host;
  }
  for (const char* host : {"10.0.0.5", "broker.plant.local", "127.example.com", "127.0.0.256", "127.0.0",
                           "1127.0.0.1", "localhost.example.com", "::2", ""}) {
    EXPECT_FALSE(isLoopbackHost(host)) << host;
  }
}

TEST(BrokerAddress, PlainMqttToAnotherMachineSendsInTheClear) {
  auto remote = parseBrokerAddress("10.20.30.40:1883");
  ASSERT_TRUE(remote);
  EXPECT_TRUE(sendsInTheClear(*remote));
  remote->tls_ca_file = "/etc/parktwin/ca.pem";
  EXPECT_FALSE(sendsInTheClear(*remote));
  auto local = parseBrokerAddress("127.0.0.1:1883");
  ASSERT_TRUE(local);
  EXPECT_FALSE(sendsInTheClear(*local));
}

TEST(BrokerAddress, PortsAreCheckedAndDefaultByTls) {
  EXPECT_EQ(parseBrokerAddress("plant")->port, 1883);
  EXPECT_EQ(parseBrokerAddress("plant", true)->port, 8883);
  EXPECT_EQ(parseBrokerAddress("plant:1884")->port, 1884);
  EXPECT_FALSE(parseBrokerAddress("plant:0"));
  EXPECT_FALSE(parseBrokerAddress("plant:x"));
  EXPECT_FALSE(parseBrokerAddress(":1883"));
}

}  // namespace
