#include "mosquitto_broker.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace feedtest {
namespace {

bool portAccepts(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

bool run(const std::string& command) { return std::system(command.c_str()) == 0; }

}  // namespace

int freeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = 0;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

RefusingPort::RefusingPort() : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (socket_ < 0 || ::bind(socket_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::getsockname(socket_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    return;
  }
  port_ = ntohs(addr.sin_port);
}

RefusingPort::~RefusingPort() {
  if (socket_ >= 0) ::close(socket_);
}

MosquittoBroker::MosquittoBroker(BrokerSetup setup) : setup_(setup) {
  std::string pattern = (std::filesystem::temp_directory_path() / "parktwin-mqtt-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    setupError_ = "mkdtemp failed";
    return;
  }
  dir_ = pattern;
  port_ = freeLoopbackPort();
  std::ofstream conf(dir_ / "mosquitto.conf");
  if (::geteuid() == 0) conf << "user root\n";
  conf << "persistence false\n"
       << "log_dest file " << (dir_ / "mosquitto.log").string() << "\n"
       << "log_type error\nlog_type warning\nlog_type notice\n"
       << "listener " << port_ << " 127.0.0.1\n"
       << "max_queued_messages 100000\n";
  if (setup_.passwordAuth) {
    const auto passwd = (dir_ / "passwd").string();
    if (!run("mosquitto_passwd -c -b " + passwd + " twin secret >/dev/null 2>&1")) setupError_ = "mosquitto_passwd failed";
    conf << "allow_anonymous false\npassword_file " << passwd << "\n";
  } else {
    conf << "allow_anonymous true\n";
  }
  if (setup_.tls) {
    const std::string d = dir_.string();
    const std::string script =
        "cd " + d + " && "
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out ca.crt "
        "-days 2 -subj '/CN=ParkTwin test CA' && "
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout server.key -out server.csr "
        "-subj '/CN=127.0.0.1' && "
        "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.ext && "
        "openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 "
        "-extfile san.ext";
    if (!run("(" + script + ") >" + d + "/openssl.log 2>&1")) setupError_ = "openssl failed, see openssl.log";
    conf << "cafile " << d << "/ca.crt\ncertfile " << d << "/server.crt\nkeyfile " << d << "/server.key\n";
  }
}

MosquittoBroker::~MosquittoBroker() {
  stop();
  std::error_code ignored;
  if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
}

bool MosquittoBroker::start() {
  if (!setupError_.empty()) return false;
  if (pid_ > 0) return true;
  pid_ = startListeningProcess({"/usr/sbin/mosquitto", "-c", (dir_ / "mosquitto.conf").string()}, dir_ / "mosquitto.out",
                               port_);
  if (pid_ == 0) setupError_ = "/usr/sbin/mosquitto did not start listening";
  return pid_ > 0;
}

int startListeningProcess(std::vector<std::string> argv, const std::filesystem::path& outFile, int port) {
  const std::string out = outFile.string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> args;
  for (auto& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (portAccepts(port)) return pid;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  endProcess(pid, SIGKILL);
  return 0;
}

void endProcess(int& pid, int signal) {
  if (pid <= 0) return;
  ::kill(pid, signal);
  ::waitpid(pid, nullptr, 0);
  pid = 0;
}

void MosquittoBroker::kill() { endProcess(pid_, SIGKILL); }

void MosquittoBroker::stop() { endProcess(pid_, SIGTERM); }

std::string MosquittoBroker::error() const {
  std::ostringstream text;
  text << setupError_;
  for (const char* name : {"mosquitto.out", "mosquitto.log", "openssl.log"}) {
    std::ifstream in(dir_ / name);
    if (in) text << "\n--- " << name << "\n" << in.rdbuf();
  }
  return text.str();
}

}  // namespace feedtest
