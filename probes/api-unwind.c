/* api-unwind.c: C with gcc's static unwinder (-static-libgcc -fexceptions), whose FDE lookup is
 * _dl_find_object: _Unwind_Backtrace through a recursion, and a forced unwind (what pthread_cancel
 * does) running the __attribute__((cleanup)) handlers of several frames, stopped at the frame that
 * called setjmp (as glibc's cancellation does). One line per case, then the path of _dl_find_object.
 * Exit status 0 when all were right. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unwind.h>

static int fails;
static void line(const char *what, const char *got, const char *want)
{
  int ok = strcmp(got, want) == 0;
  printf("%s: %s%s\n", what, ok ? "ok" : "BAD ", ok ? "" : got);
  fails += !ok;
}

/* ---- _Unwind_Backtrace: the frames of recurse() it walks through ---- */
static int in_recurse;
static int recurse(int n);
static int (*volatile recurse_p)(int) = recurse; /* no inlining, no loop */

static _Unwind_Reason_Code trace(struct _Unwind_Context *ctx, void *arg)
{
  (void)arg;
  void *fn = (void *)_Unwind_GetRegionStart(ctx), *want;
  int (*r)(int) = recurse;
  memcpy(&want, &r, sizeof want);
  if (fn == want)
    in_recurse++;
  return _URC_NO_REASON;
}

static __attribute__((noinline)) int recurse(int n)
{
  if (n == 0)
    return _Unwind_Backtrace(trace, NULL) == _URC_END_OF_STACK ? 0 : 1000;
  return recurse_p(n - 1) + 1;
}

/* ---- forced unwind through cleanups ---- */
static char log_buf[256];
static jmp_buf out;
static char *catch_frame; /* a local of the frame that called setjmp */
static struct _Unwind_Exception exc;

static void note(int *n) { sprintf(log_buf + strlen(log_buf), " cleanup%d", *n); }

static _Unwind_Reason_Code stop(int version, _Unwind_Action actions, _Unwind_Exception_Class cls,
                                struct _Unwind_Exception *e, struct _Unwind_Context *ctx, void *arg)
{
  (void)version, (void)cls, (void)e, (void)arg;
  if (actions & _UA_END_OF_STACK) {
    strcat(log_buf, " end-of-stack");
    longjmp(out, 1);
  }
  /* a frame whose CFA lies above the catcher's local is the catcher's (or an outer one) */
  if ((char *)_Unwind_GetCFA(ctx) > catch_frame)
    longjmp(out, 1);
  return _URC_NO_REASON;
}

static int nested(int n);
static int (*volatile nested_p)(int) = nested;
static __attribute__((noinline)) int nested(int n)
{
  int mine __attribute__((cleanup(note))) = n;
  if (n == 3) {
    memset(&exc, 0, sizeof exc);
    exc.exception_class = 0x666c6f6f72000000ULL; /* "floor" */
    _Unwind_ForcedUnwind(&exc, stop, NULL);
    strcat(log_buf, " returned");
    return 0;
  }
  return nested_p(n + 1) + mine;
}

static __attribute__((noinline)) void catcher(void)
{
  volatile char here = 0;
  catch_frame = (char *)&here;
  if (setjmp(out) == 0)
    nested_p(0);
  strcat(log_buf, " caught");
}

int main(void)
{
  char buf[64];
  int depth = recurse_p(4);
  snprintf(buf, sizeof buf, "%d %d", depth, in_recurse);
  line("_Unwind_Backtrace through 5 frames of recurse", buf, "4 5");
  catcher();
  line("forced unwind through 4 frames with cleanups", log_buf, " cleanup3 cleanup2 cleanup1 cleanup0 caught");
  printf("_dl_find_object: path=%s\n", floorcompat_path("_dl_find_object"));
  return fails != 0;
}
