/* The C++ half of the sample: fccxx.node, an N-API addon in C++17 with exceptions (binding.gyp
 * drops node-gyp's -fno-exceptions). What it uses is what a static libstdc++ must carry to an old
 * glibc: std::thread (pthread_create), exceptions thrown on one thread and rethrown on another
 * (std::exception_ptr), a thread_local object with a destructor (__cxa_thread_atexit_impl is
 * glibc 2.18), condition_variable::wait_until on steady_clock (inline pthread_cond_clockwait,
 * glibc 2.30) and std::random_device (getentropy/getrandom, glibc 2.25).
 *   threads(n) -> one line describing a run of n workers (the test compares it exactly);
 *   fail(msg)  -> throws a JS Error (code EFCXX) whose message is a C++ exception's what(), thrown
 *                 in a worker thread and rethrown in the calling one.
 * N-API only (node_api.h, plain C), so the headers of any Node.js release >= 8 fit. */
#include <node_api.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

std::atomic<int> tally_dtors{0};
std::atomic<long> tally_items{0};
// One per worker thread, made on first use there; its destructor runs when that thread exits
// (before the join returns), so after the joins every worker's tally has been added up.
struct Tally {
  long items = 0;
  ~Tally() {
    tally_items += items;
    ++tally_dtors;
  }
};
thread_local Tally tally;

struct Report {
  int reported = 0;      // workers that signalled the condition variable
  bool in_time = false;  // all of them before wait_until's deadline
  std::exception_ptr error;
};

// n workers; worker `fail` (if any) throws std::runtime_error(what). Each worker's exception is
// caught on its own thread (one escaping a std::thread would call std::terminate) and carried out
// as an exception_ptr; the first one goes into the report for the caller to rethrow.
Report work(int n, int fail, const std::string &what) {
  std::mutex m;
  std::condition_variable cv;
  std::vector<std::exception_ptr> errors(n);
  std::vector<std::thread> workers;
  Report r;
  for (int i = 0; i < n; i++)
    workers.emplace_back([&, i] {
      try {
        tally.items += i + 1;
        if (i == fail) throw std::runtime_error(what);
      } catch (...) {
        errors[i] = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(m);
      r.reported++;
      cv.notify_all();
    });
  {
    std::unique_lock<std::mutex> lock(m);
    r.in_time = cv.wait_until(lock, std::chrono::steady_clock::now() + std::chrono::seconds(60),
                              [&] { return r.reported == n; });
  }
  for (auto &t : workers) t.join();
  for (auto &e : errors)
    if (e && !r.error) r.error = e;
  return r;
}

// wait_until must really wait on the steady clock (pthread_cond_clockwait, or what the floor
// puts in its place), not return at once: a deadline nobody notifies before has to pass.
bool deadline_passes() {
  std::mutex m;
  std::condition_variable cv;
  std::unique_lock<std::mutex> lock(m);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
  while (cv.wait_until(lock, deadline) != std::cv_status::timeout) {
  }  // (spurious wake-ups)
  return std::chrono::steady_clock::now() >= deadline;
}

// Four draws that are not all equal: the device works (it throws std::system_error when it has
// no source at all).
bool random_ok() {
  std::random_device rd;
  unsigned first = rd();
  for (int i = 0; i < 3; i++)
    if (rd() != first) return true;
  return false;
}

std::string threads(int n) {
  tally_dtors = 0;
  tally_items = 0;
  Report r = work(n, 2, "worker 2 failed");
  std::string caught = "nothing";
  try {
    if (r.error) std::rethrow_exception(r.error);
  } catch (const std::runtime_error &e) {
    caught = e.what();
  }
  return std::to_string(r.reported) + " workers; rethrown on the calling thread: " + caught +
         "; thread_local destructors " + std::to_string(tally_dtors) + " (items " +
         std::to_string(tally_items) + "); wait_until " +
         (!r.in_time ? "TIMED OUT" : deadline_passes() ? "ok" : "RETURNED EARLY") +
         "; random_device " + (random_ok() ? "ok" : "FAILED");
}

// The N-API boundary: no C++ exception may cross into node; it becomes a pending JS Error.
template <class F> napi_value guarded(napi_env env, F f) {
  try {
    return f();
  } catch (const std::exception &e) {
    napi_throw_error(env, "EFCXX", e.what());
  } catch (...) {
    napi_throw_error(env, "EFCXX", "unknown C++ exception");
  }
  return nullptr;
}

napi_value js_string(napi_env env, const std::string &s) {
  napi_value v;
  if (napi_create_string_utf8(env, s.data(), s.size(), &v) != napi_ok)
    throw std::runtime_error("napi_create_string_utf8 failed");
  return v;
}

napi_value arg(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 1)
    throw std::invalid_argument("one argument is needed");
  return argv[0];
}

napi_value js_threads(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    int32_t n = 0;
    if (napi_get_value_int32(env, arg(env, info), &n) != napi_ok || n < 3 || n > 64)
      throw std::invalid_argument("threads(n): n from 3 to 64");
    return js_string(env, threads(n));
  });
}

napi_value js_fail(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    char msg[256];
    size_t len = 0;
    if (napi_get_value_string_utf8(env, arg(env, info), msg, sizeof msg, &len) != napi_ok)
      throw std::invalid_argument("fail(msg): a string is needed");
    Report r = work(1, 0, msg);
    if (r.error) std::rethrow_exception(r.error);
    return js_string(env, "no exception");
  });
}

}  // namespace

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "threads", NAPI_AUTO_LENGTH, js_threads, nullptr, &fn);
  napi_set_named_property(env, exports, "threads", fn);
  napi_create_function(env, "fail", NAPI_AUTO_LENGTH, js_fail, nullptr, &fn);
  napi_set_named_property(env, exports, "fail", fn);
  return exports;
}
