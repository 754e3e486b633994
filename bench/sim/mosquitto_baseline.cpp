#include "mosquitto_baseline.hpp"

#include <fcntl.h>
#include <spawn.h>

#include <cstdlib>

extern char** environ;

namespace benchmqtt {

SubscriptionCounter::SubscriptionCounter(const std::string& host, int port) {
  client_ = mosquitto_new(nullptr, true, this);
  mosquitto_message_callback_set(client_, [](mosquitto*, void* self, const mosquitto_message* m) {
    static_cast<SubscriptionCounter*>(self)->count_.store(std::atoi(static_cast<const char*>(m->payload)));
  });
  mosquitto_connect_callback_set(client_, [](mosquitto* c, void*, int) {
    mosquitto_subscribe(c, nullptr, "$SYS/broker/subscriptions/count", 0);
  });
  mosquitto_connect(client_, host.c_str(), port, 30);
  mosquitto_loop_start(client_);
}

SubscriptionCounter::~SubscriptionCounter() {
  mosquitto_disconnect(client_);
  mosquitto_loop_stop(client_, false);
  mosquitto_destroy(client_);
}

pid_t spawnMosquittoSub(const std::string& host, int port, const std::string& topic, std::vector<std::string> extra) {
  std::vector<std::string> args = {"mosquitto_sub", "-h", host, "-p", std::to_string(port), "-t", topic};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (auto& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "mosquitto_sub", &actions, nullptr, argv.data(), environ) != 0) pid = 0;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

}  // namespace benchmqtt
