// api-unwind-lib.cc: the shared library of probes/api-unwind.cc, built at the same floor with its own
// IMPLEMENTATION TU and its own static unwinder: throws to its caller, and lets the caller's
// exceptions pass through its frames.
#include <stdexcept>
#include <string>

struct unwind_lib_guard {
  std::string *log;
  ~unwind_lib_guard() { *log += " lib-dtor"; }
};

extern "C" __attribute__((visibility("default"), noinline)) int unwind_lib_throw(std::string *log, int depth)
{
  unwind_lib_guard g = { log };
  if (depth == 0)
    throw std::runtime_error("from-lib");
  return unwind_lib_throw(log, depth - 1) + 1;
}

extern "C" __attribute__((visibility("default"), noinline)) int unwind_lib_call(std::string *log, int (*fn)(std::string *))
{
  unwind_lib_guard g = { log };
  return fn(log) + 1;
}
