// A C++17 program linked with -static-libstdc++ -static-libgcc: libstdc++.a and libgcc_eh.a were
// compiled without floorcompat's header, yet must bind to the floor too.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
static std::atomic<int> destroyed{0};
struct Tracker {
  int id = 0;
  ~Tracker() { if (id) destroyed++; }
};
static thread_local Tracker tracker;

int main()
{
  // Threads with thread_local destructors.
  std::vector<std::thread> ts;
  for (int i = 1; i <= 4; i++) ts.emplace_back([i] { tracker.id = i; });
  for (auto &t : ts) t.join();
  std::printf("thread_local destructors: %d of 4\n", destroyed.load());

  // condition_variable::wait_until on the steady clock: one wait is notified, one times out.
  std::mutex m;
  std::condition_variable cv;
  bool ready = false;
  std::thread notifier([&] { std::lock_guard<std::mutex> g(m); ready = true; cv.notify_one(); });
  {
    std::unique_lock<std::mutex> l(m);
    bool got = cv.wait_until(l, std::chrono::steady_clock::now() + std::chrono::seconds(30), [&] { return ready; });
    std::printf("wait_until notified: %s\n", got ? "yes" : "no");
    auto t0 = std::chrono::steady_clock::now();
    auto st = cv.wait_until(l, t0 + std::chrono::milliseconds(50));
    bool late_enough = std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(50);
    std::printf("wait_until timeout: %s, not early: %s\n", st == std::cv_status::timeout ? "yes" : "no",
                late_enough ? "yes" : "no");
  }
  notifier.join();

  // An exception thrown in one thread, rethrown in another.
  std::exception_ptr ep;
  std::thread thrower([&] {
    try { throw std::runtime_error("from a thread"); } catch (...) { ep = std::current_exception(); }
  });
  thrower.join();
  try { std::rethrow_exception(ep); } catch (const std::exception &e) { std::printf("caught: %s\n", e.what()); }

  // random_device: 64 draws, not all equal.
  std::random_device rd;
  unsigned first = rd(), same = 1;
  for (int i = 0; i < 63; i++) same += rd() == first;
  std::printf("random_device: %s\n", same < 64 ? "varies" : "constant");

  // filesystem: a directory with two files, listed, removed.
  fs::path dir = fs::temp_directory_path() / ("floorcompat-cxx17-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "alpha";
  std::ofstream(dir / "b.txt") << "beta";
  std::uintmax_t total = 0;
  int files = 0;
  for (auto &e : fs::directory_iterator(dir)) { files++; total += fs::file_size(e.path()); }
  std::printf("filesystem: %d files, %ju bytes, removed %ju\n", files, total, fs::remove_all(dir));
  return 0;
}
