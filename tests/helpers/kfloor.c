/* kfloor - run a program as if on an older kernel: every syscall that came after the given kernel
 * floor fails with ENOSYS (an old kernel) or EPERM (an old container seccomp profile).
 *
 *   kfloor --kernel=X.Y [--errno=ENOSYS|EPERM] [--list] -- PROG [ARGS...]
 *
 * It sets PR_SET_NO_NEW_PRIVS, installs a seccomp BPF filter and execs PROG; the filter is inherited
 * by PROG's children. The syscall table (name, number, kernel version) is generated from
 * data/api.tsv and the kernel's headers (include/floorcompat/syscalls-x86_64.h): the syscalls the
 * shims use and others glibc may try (clone3, openat2, faccessat2, rseq ...). --list prints the
 * blocked ones. Only the syscall numbers change: uname() still tells the real kernel.
 *
 * x86_64 only. The filter checks the arch field (a 64-bit process can still make i386 syscalls
 * through int 0x80, with other numbers) and also rejects x32 numbers (bit 30), so neither can
 * bypass it. aarch64 is not supported: qemu-user does not emulate seccomp filters for its guests
 * reliably (they would filter qemu's own host syscalls), so a kernel floor cannot be faked there. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#if !defined(__x86_64__) || defined(__ILP32__)
int main(void)
{
  fputs("kfloor: only x86_64 is supported\n", stderr);
  return 77;
}
#else
#include "floorcompat/syscalls-x86_64.h"

struct entry { const char *name; int nr, kernel; };
static const struct entry table[] = {
#define X(name, nr, kernel) { #name, nr, kernel },
  FLOORCOMPAT__SYSCALL_TABLE(X)
#undef X
};
#define N (sizeof table / sizeof table[0])

static int parse_version(const char *s)
{
  int major = 0, minor = 0;
  if (sscanf(s, "%d.%d", &major, &minor) < 1)
    return -1;
  return major * 100 + minor;
}

int main(int argc, char **argv)
{
  int floor = -1, err = ENOSYS, list = 0, i;
  unsigned n = 0, k;
  struct sock_filter prog[16 + 2 * N];
  struct sock_fprog fprog;
  for (i = 1; i < argc; i++) {
    if (strncmp(argv[i], "--kernel=", 9) == 0)
      floor = parse_version(argv[i] + 9);
    else if (strcmp(argv[i], "--errno=ENOSYS") == 0)
      err = ENOSYS;
    else if (strcmp(argv[i], "--errno=EPERM") == 0)
      err = EPERM;
    else if (strcmp(argv[i], "--list") == 0)
      list = 1;
    else if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    } else
      break;
  }
  if (floor < 0 || (i >= argc && !list)) {
    fputs("usage: kfloor --kernel=X.Y [--errno=ENOSYS|EPERM] [--list] -- PROG [ARGS...]\n", stderr);
    return 2;
  }
#define ERRNO_RET BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ((unsigned)err & SECCOMP_RET_DATA))
  prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
  prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
  prog[n++] = (struct sock_filter)ERRNO_RET; /* i386 (int 0x80) and anything else */
  prog[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
  prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000U, 0, 1);
  prog[n++] = (struct sock_filter)ERRNO_RET; /* x32 */
  for (k = 0; k < N; k++) {
    if (table[k].kernel <= floor)
      continue;
    if (list)
      printf("%s %d %d.%d\n", table[k].name, table[k].nr, table[k].kernel / 100, table[k].kernel % 100);
    prog[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)table[k].nr, 0, 1);
    prog[n++] = (struct sock_filter)ERRNO_RET;
  }
  prog[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
  if (i >= argc)
    return 0;
  fprog.len = (unsigned short)n;
  fprog.filter = prog;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog) != 0) {
    perror("kfloor: seccomp");
    return 77;
  }
  execvp(argv[i], argv + i);
  perror("kfloor: exec");
  return 127;
}
#endif
