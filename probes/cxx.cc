// cxx probe: a small C++ program (std::thread, std::string, iostream, thread_local with a
// destructor, exceptions, a static object with a constructor). Besides the GLIBC_ versions the
// floor audit judges, it needs GLIBCXX/CXXABI versions from the libstdc++ it runs with.
// Success: exit 0, last line "cxx: ok". Any failure: a message and exit 1.
#include <atomic>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {
std::atomic<int> tl_destroyed{0};
std::string log_text;
std::mutex log_lock;

struct PerThread {
  int id = 0;
  ~PerThread() { tl_destroyed++; }
};
thread_local PerThread per_thread;

struct Global {
  std::string value;
  Global() : value("global constructed") {}
};
Global global;

void work(int id, std::string *out)
{
  per_thread.id = id;
  std::ostringstream s;
  s << "thread " << id << " squares " << id * id;
  *out = s.str();
  std::lock_guard<std::mutex> g(log_lock);
  log_text += std::to_string(id);
}
} // namespace

int main()
{
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; i++)
    threads.emplace_back(work, i, &results[i]);
  for (auto &t : threads)
    t.join();
  for (const auto &r : results)
    std::cout << "cxx: " << r << "\n";
  if (tl_destroyed.load() != 4) {
    std::cerr << "cxx: FAIL thread_local destructors ran " << tl_destroyed.load() << " times, want 4\n";
    return 1;
  }
  std::cout << "cxx: thread_local destructors ran " << tl_destroyed.load() << " times\n";
  if (global.value != "global constructed" || log_text.size() != 4) {
    std::cerr << "cxx: FAIL static constructor or shared string\n";
    return 1;
  }
  std::cout << "cxx: " << global.value << "\n";
  try {
    throw std::runtime_error("thrown and caught");
  } catch (const std::exception &e) {
    std::cout << "cxx: exception " << e.what() << "\n";
  }
  std::cout << "cxx: ok" << std::endl;
  return 0;
}
