#pragma once
// A real mosquitto for tests: its own config, port and files in a temp dir, started by the test
// and stopped (or killed and restarted) by it.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace feedtest {

struct BrokerSetup {
  bool passwordAuth = false;  // user "twin", password "secret", anonymous refused
  bool tls = false;           // a CA and a server certificate for 127.0.0.1 made with openssl
};

class MosquittoBroker {
 public:
  explicit MosquittoBroker(BrokerSetup setup = {});
  ~MosquittoBroker();
  MosquittoBroker(const MosquittoBroker&) = delete;
  MosquittoBroker& operator=(const MosquittoBroker&) = delete;

  // Starts the broker and waits (up to 10 s) until its port accepts connections; false on failure
  // (the broker's log is then in error()).
  bool start();
  void kill();  // SIGKILL: a crash, no goodbye to the clients
  void stop();  // SIGTERM and wait
  bool running() const { return pid_ > 0; }

  int port() const { return port_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path caFile() const { return dir_ / "ca.crt"; }
  std::string error() const;

 private:
  BrokerSetup setup_;
  std::filesystem::path dir_;
  int port_ = 0;
  int pid_ = 0;
  std::string setupError_;
};

int freeLoopbackPort();

// A loopback port bound and never listening, for as long as this lives: a connection to it is
// refused ("Connection refused"), and no one else can take the port meanwhile.
class RefusingPort {
 public:
  RefusingPort();
  ~RefusingPort();
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  int port() const { return port_; }  // 0 if it could not be bound

 private:
  int socket_ = -1;
  int port_ = 0;
};

// Starts argv[0] (a full path) with stdout and stderr appended to `outFile` and waits up to 10 s
// until `port` accepts connections on 127.0.0.1. The pid, or 0 when it exited or never listened.
int startListeningProcess(std::vector<std::string> argv, const std::filesystem::path& outFile, int port);
// Sends `signal` and waits for the process; sets pid to 0. Nothing when pid is 0.
void endProcess(int& pid, int signal);

// Polls a condition until it holds or the timeout passes; true if it held.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout = std::chrono::milliseconds(10'000));

}  // namespace feedtest

#include <thread>

template <typename Condition>
bool feedtest::eventually(Condition condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return condition();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));  // poll interval, not synchronisation
  }
  return true;
}
