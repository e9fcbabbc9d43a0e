/* A tiny N-API addon: probe(path) calls APIs newer than glibc 2.17 (getrandom 2.25) or whose
 * symbols moved (stat: its own symbol since 2.33; pthread_create: in libc since 2.34) and returns
 * one line saying how each went. N-API only, so the headers of any Node.js release >= 8 fit. */
#include <node_api.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/stat.h>

static void *worker(void *arg) { return arg; }

static napi_value probe(napi_env env, napi_callback_info info) {
  size_t argc = 1, len = 0;
  napi_value argv[1], res;
  char path[4096], line[160];
  unsigned char buf[16];
  struct stat st;
  pthread_t t;
  void *back = NULL;
  int rnd, sta, thr;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len) != napi_ok) {
    napi_throw_type_error(env, NULL, "probe(path): a string is needed");
    return NULL;
  }
  rnd = getrandom(buf, sizeof buf, 0) == (long) sizeof buf;
  sta = stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
  thr = pthread_create(&t, NULL, worker, buf) == 0 && pthread_join(t, &back) == 0 && back == buf;
  snprintf(line, sizeof line, "getrandom %s, stat %s, pthread_create %s", rnd ? "ok" : "FAILED",
           sta ? "ok" : "FAILED", thr ? "ok" : "FAILED");
  napi_create_string_utf8(env, line, NAPI_AUTO_LENGTH, &res);
  return res;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "probe", NAPI_AUTO_LENGTH, probe, NULL, &fn);
  napi_set_named_property(env, exports, "probe", fn);
  return exports;
}
