/* isoc23 probe: the number parsers that glibc >= 2.38 headers send to __isoc23_* (for C2x, or with
 * _GNU_SOURCE), where "0b" prefixes are accepted. With floorcompat at a floor below 2.38 they are the
 * floor's own functions, so "0b101" parses as 0 followed by "b101" on every glibc.
 * Prints each result and how much was consumed. With -DPROBE_EXPECT_C23 the probe expects the C23
 * behaviour (0b accepted), otherwise the pre-2.38 one; anything else fails.
 * Success: exit 0, last line "isoc23: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#ifdef PROBE_EXPECT_C23
#define C23 1
#else
#define C23 0
#endif

static int failures;

static void report(const char *what, const char *input, long long value, long used, long long want, long want_used)
{
  printf("isoc23: %-12s %-8s -> %lld, used %ld\n", what, input, value, used);
  if (value != want || used != want_used) {
    fprintf(stderr, "isoc23: FAIL %s(\"%s\") = %lld used %ld, want %lld used %ld\n", what, input, value, used, want,
            want_used);
    failures++;
  }
}

int main(void)
{
  static const char *plain[] = { "42", "-17", "0x1f", "077", "0b101", "0B11", "0b", "0b2" };
  /* The pre-2.38 result of base-0 parsing: "0b..." is 0 followed by junk. */
  static const long long old0[] = { 42, -17, 31, 63, 0, 0, 0, 0 };
  static const long old0_used[] = { 2, 3, 4, 3, 1, 1, 1, 1 };
  static const long long c23_0[] = { 42, -17, 31, 63, 5, 3, 0, 0 };
  static const long c23_0_used[] = { 2, 3, 4, 3, 5, 4, 1, 1 };
  char *end;
  wchar_t *wend;
  size_t i;
  long long v;
  int n, consumed, ival;
  unsigned uval;

  for (i = 0; i < sizeof plain / sizeof plain[0]; i++) {
    const char *s = plain[i];
    long long want = C23 ? c23_0[i] : old0[i];
    long want_used = C23 ? c23_0_used[i] : old0_used[i];
    v = strtol(s, &end, 0);
    report("strtol/0", s, v, (long)(end - s), want, want_used);
    v = strtoll(s, &end, 0);
    report("strtoll/0", s, v, (long)(end - s), want, want_used);
    v = (long long)strtoimax(s, &end, 0);
    report("strtoimax/0", s, v, (long)(end - s), want, want_used);
    if (s[0] != '-') {
      v = (long long)strtoul(s, &end, 0);
      report("strtoul/0", s, v, (long)(end - s), want, want_used);
      v = (long long)strtoull(s, &end, 0);
      report("strtoull/0", s, v, (long)(end - s), want, want_used);
      v = (long long)strtoumax(s, &end, 0);
      report("strtoumax/0", s, v, (long)(end - s), want, want_used);
    }
  }
  /* Base 2: C23 skips an optional 0b prefix; before, "0b101" is 0 then "b101". */
  {
    static const char b2[] = "0b101", b2plain[] = "101";
    v = strtol(b2, &end, 2);
    report("strtol/2", b2, v, (long)(end - b2), C23 ? 5 : 0, C23 ? 5 : 1);
    v = strtol(b2plain, &end, 2);
    report("strtol/2", b2plain, v, (long)(end - b2plain), 5, 3);
  }

  /* Wide strings. */
  v = wcstol(L"0b101", &wend, 0);
  report("wcstol/0", "0b101", v, 5 - (long)wcslen(wend), C23 ? 5 : 0, C23 ? 5 : 1);
  v = wcstol(L"0x1f", &wend, 0);
  report("wcstol/0", "0x1f", v, 4 - (long)wcslen(wend), 31, 4);
  v = (long long)wcstoul(L"0b11", &wend, 0);
  report("wcstoul/0", "0b11", v, 4 - (long)wcslen(wend), C23 ? 3 : 0, C23 ? 4 : 1);

  /* scanf: %i takes 0b in C23. */
  ival = -1, consumed = -1;
  n = sscanf("0b101 rest", "%i%n", &ival, &consumed);
  report("sscanf %i", "0b101", n == 1 ? ival : -1000, consumed, C23 ? 5 : 0, C23 ? 5 : 1);
  ival = -1, consumed = -1;
  n = sscanf("0x1f", "%i%n", &ival, &consumed);
  report("sscanf %i", "0x1f", n == 1 ? ival : -1000, consumed, 31, 4);
  uval = 0, consumed = -1;
  n = sscanf("17 0b1", "%u %i%n", &uval, &ival, &consumed);
  report("sscanf %u%i", "17 0b1", n == 2 ? (long long)uval * 100 + ival : -1000, consumed, C23 ? 1701 : 1700, C23 ? 6 : 4);
  ival = -1, consumed = -1;
  n = swscanf(L"0b11", L"%i%n", &ival, &consumed);
  report("swscanf %i", "0b11", n == 1 ? ival : -1000, consumed, C23 ? 3 : 0, C23 ? 4 : 1);
  ival = -1, consumed = -1;
  n = swscanf(L"-0x10", L"%i%n", &ival, &consumed);
  report("swscanf %i", "-0x10", n == 1 ? ival : -1000, consumed, -16, 5);

  if (failures) {
    fprintf(stderr, "isoc23: %d failure(s), expected %s behaviour\n", failures, C23 ? "C23" : "pre-2.38");
    return 1;
  }
  printf("isoc23: ok (%s behaviour)\n", C23 ? "C23" : "pre-2.38");
  return 0;
}
