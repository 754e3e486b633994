// server_config.hpp: the configuration file, listen addresses, exposure rules, token hashes.
#include <gtest/gtest.h>

#include "server_config.hpp"

namespace parktwin::server {
namespace {

TEST(ServerConfigTest, Sha256MatchesTheFipsTestVector) {
  // FIPS 180-2, appendix B.1: SHA-256("abc").
  EXPECT_EQ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha256Hex("abc"));
  EXPECT_EQ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sha256Hex(""));
}

TEST(ServerConfigTest, ReadsUsersRolesAndLimits) {
  const auto config = parseServerConfig(R"({"listen": "127.0.0.1:9000", "max_body_bytes": 4096,
      "users": [{"name": "li", "role": "operator", "token_sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}]})",
                                        "server.json");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(9000, config->listen.port);
  EXPECT_EQ(4096u, config->max_body_bytes);
  ASSERT_EQ(1u, config->users.size());
  EXPECT_EQ(Role::operator_, config->users[0].role);
  EXPECT_EQ("li", config->users[0].name);
}

TEST(ServerConfigTest, ProblemsNameTheirJsonPath) {
  const auto config = parseServerConfig(R"({"users": [{"name": "li", "role": "boss", "token_sha256": "ABC"}], "colour": 1})",
                                        "server.json");
  ASSERT_FALSE(config);
  EXPECT_NE(std::string::npos, config.error().message.find("server.json: /users/0/role")) << config.error().message;
  EXPECT_NE(std::string::npos, config.error().message.find("/users/0/token_sha256")) << config.error().message;
  EXPECT_NE(std::string::npos, config.error().message.find("colour")) << config.error().message;
}

TEST(ServerConfigTest, ParsesEndpoints) {
  EXPECT_EQ("::1", parseEndpoint("[::1]:8600")->host);
  EXPECT_EQ(8600, parseEndpoint("[::1]:8600")->port);
  EXPECT_FALSE(parseEndpoint("127.0.0.1"));
  EXPECT_FALSE(parseEndpoint("127.0.0.1:70000"));
  EXPECT_FALSE(parseEndpoint("127.0.0.1:80x"));
}

TEST(ServerConfigTest, RefusesToListenBeyondLoopbackWithoutTlsOrUsers) {
  ServerConfig config;
  EXPECT_TRUE(checkExposure(config));  // 127.0.0.1 by default
  config.listen.host = "0.0.0.0";
  ASSERT_FALSE(checkExposure(config));
  EXPECT_NE(std::string::npos, checkExposure(config).error().message.find("without TLS"));
  config.tls_cert_file = "c.pem";
  config.tls_key_file = "k.pem";
  EXPECT_FALSE(checkExposure(config));  // no users: anyone would be admin
  config.users.push_back({"li", Role::viewer, sha256Hex("t")});
  EXPECT_TRUE(checkExposure(config));
}

TEST(ServerConfigTest, RolesAreOrdered) {
  EXPECT_LT(Role::viewer, Role::operator_);
  EXPECT_LT(Role::operator_, Role::planner);
  EXPECT_LT(Role::planner, Role::admin);
  for (auto role : {Role::viewer, Role::operator_, Role::planner, Role::admin}) EXPECT_EQ(role, parseRole(toText(role)));
}

}  // namespace
}  // namespace parktwin::server
