/* dl probe: dlopen, dlsym, dlerror, dladdr, dlclose (in libdl.so.2 before glibc 2.34, and
 * dlopen@GLIBC_2.34 when linked on a newer glibc). Prints nothing host-specific (no paths, no
 * addresses). Success: exit 0, last line "dl: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond, what)                                              \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "dl: FAIL %s (line %d)\n", what, __LINE__);      \
      failures++;                                                      \
    }                                                                  \
  } while (0)

static const char *base(const char *path)
{
  const char *s = path ? strrchr(path, '/') : NULL;
  return s ? s + 1 : path ? path : "(null)";
}

int main(void)
{
  void *h, *sym, *strlen_sym;
  double (*cosp)(double);
  volatile double x = 0.5;
  const char *err;
  Dl_info info;
  double r;

  dlerror();
  h = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
  CHECK(h != NULL, "dlopen libm.so.6");
  if (!h) {
    fprintf(stderr, "dl: %s\n", dlerror());
    return 1;
  }
  CHECK(dlerror() == NULL, "no error after a good dlopen");
  sym = dlsym(h, "cos");
  CHECK(sym != NULL, "dlsym cos");
  if (sym) {
    /* Through memcpy: ISO C has no cast from object to function pointer. */
    memcpy(&cosp, &sym, sizeof cosp);
    r = cosp(x);
    printf("dl: dlsym(libm, cos)(0.5) = %.17g\n", r);
    CHECK(r > 0.8775825618903727 && r < 0.8775825618903729, "cos(0.5) through dlsym");
  }

  /* A bad dlsym: NULL and an error message naming the symbol, then dlerror is cleared. */
  CHECK(dlsym(h, "fcprobe_no_such_symbol") == NULL, "dlsym of a missing symbol");
  err = dlerror();
  CHECK(err != NULL && strstr(err, "fcprobe_no_such_symbol") != NULL, "dlerror names the missing symbol");
  printf("dl: missing symbol: dlerror %s\n", err && strstr(err, "fcprobe_no_such_symbol") ? "names it" : "?");
  CHECK(dlerror() == NULL, "dlerror is cleared by reading it");

  /* dladdr finds the library of cos. */
  memset(&info, 0, sizeof info);
  CHECK(sym && dladdr(sym, &info) != 0, "dladdr");
  CHECK(strcmp(base(info.dli_fname), "libm.so.6") == 0, "dladdr names libm.so.6");
  /* Not dli_sname: cos is an IFUNC on some architectures, resolved to an unexported variant. */
  CHECK(info.dli_fbase != NULL && (const char *)info.dli_fbase < (const char *)sym, "dladdr's base address");
  printf("dl: dladdr(cos): file %s, base below symbol %s\n", base(info.dli_fname),
         info.dli_fbase && (const char *)info.dli_fbase < (const char *)sym ? "yes" : "no");

  /* The global scope. */
  strlen_sym = dlsym(RTLD_DEFAULT, "strlen");
  CHECK(strlen_sym != NULL, "dlsym(RTLD_DEFAULT, strlen)");
  /* Before glibc 2.24 a failed RTLD_NEXT lookup left dlerror() NULL (BZ #19509). */
  {
    void *next = dlsym(RTLD_NEXT, "fcprobe_no_such_symbol");
    err = dlerror();
    CHECK(next == NULL && (err != NULL || strverscmp(gnu_get_libc_version(), "2.24") < 0),
          "RTLD_NEXT missing symbol");
  }
  printf("dl: RTLD_DEFAULT strlen %s\n", strlen_sym ? "found" : "missing");

  /* A library that does not exist. */
  CHECK(dlopen("libfcprobe-does-not-exist.so.9", RTLD_NOW) == NULL, "dlopen of a missing library");
  err = dlerror();
  CHECK(err != NULL && strstr(err, "libfcprobe-does-not-exist.so.9") != NULL, "dlerror names the library");
  printf("dl: missing library: dlerror %s\n", err && strstr(err, "libfcprobe-does-not-exist") ? "names it" : "?");

  /* Reference counting: a second dlopen gives the same handle; two dlcloses. */
  CHECK(dlopen("libm.so.6", RTLD_NOW | RTLD_NOLOAD) == h, "RTLD_NOLOAD gives the same handle");
  CHECK(dlclose(h) == 0, "dlclose 1");
  CHECK(dlclose(h) == 0, "dlclose 2");
  printf("dl: dlclose %s\n", failures ? "?" : "ok");

  if (failures) {
    fprintf(stderr, "dl: %d failure(s)\n", failures);
    return 1;
  }
  printf("dl: ok\n");
  return 0;
}
