#pragma once
// Runs `oneRequest` (returns true on success) in a loop on `clients` threads for `seconds`,
// and prints "requests N failures F seconds S": the one output format run_server_bench.py
// reads from both sides of the comparison.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

template <typename MakeClient>
void runTimedClients(int clients, double seconds, MakeClient makeClient) {
  std::atomic<long> requests{0}, failures{0};
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      auto oneRequest = makeClient();  // per-thread state (a connection) lives here
      while (std::chrono::steady_clock::now() < end) (oneRequest() ? requests : failures).fetch_add(1);
    });
  }
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("requests %ld failures %ld seconds %.3f\n", requests.load(), failures.load(), elapsed);
}
