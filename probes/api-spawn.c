/* api-spawn: closefrom and the posix_spawn_file_actions_add{,f}chdir_np / addclosefrom_np shims
 * (impl-spawn.h). Spawns /bin/sh, whose stdout an action sends to a file, and checks what the child
 * saw: its working directory (pwd -P), files opened by relative paths before and after the chdir,
 * which fds it inherited, its process group, session and signal masks; the errors posix_spawn
 * returns (missing directory, missing program, bad fds); and closefrom in this process. Prints one
 * line per API with the path that served it (floorcompat_path); tests/api-spawn.test compares them
 * per run mode. Runs in the current directory's api-spawn.d/. With "only-plain": closefrom and the
 * spawns without recorded actions only. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
#include "api-check.h"
static void report(const char *api, const char *path)
{
  api_report(api, "ok", path, NULL);
}

static void put(const char *path, const char *text)
{
  FILE *f = fopen(path, "w");
  if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
    perror(path);
    exit(2);
  }
}
/* The file's text ("" if absent), at most 4095 bytes. */
static const char *slurp(const char *path)
{
  static char buf[4096];
  FILE *f = fopen(path, "r");
  size_t n = 0;
  if (f) {
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
  }
  buf[n] = 0;
  return buf;
}
/* Spawn sh -c SCRIPT (through PATH with spawnp); wait; 0 when it exited 0, else the spawn errno or -1. */
static int run_sh(int spawnp, const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *at, const char *script,
                  pid_t *pidp)
{
  char *argv[4];
  pid_t pid = -7;
  int st, r;
  argv[0] = (char *)"sh";
  argv[1] = (char *)"-c";
  argv[2] = (char *)script;
  argv[3] = NULL;
  r = spawnp ? posix_spawnp(&pid, "sh", fa, at, argv, environ) : posix_spawn(&pid, "/bin/sh", fa, at, argv, environ);
  if (r != 0)
    return r;
  if (pidp)
    *pidp = pid;
  if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
    return -1;
  return 0;
}
/* posix_spawn of cat /proc/self/stat /proc/self/status (a shell would reset its signal mask). */
static int run_cat(const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *at, pid_t *pidp)
{
  char *argv[4];
  int st, r;
  argv[0] = (char *)"cat";
  argv[1] = (char *)"/proc/self/stat";
  argv[2] = (char *)"/proc/self/status";
  argv[3] = NULL;
  if ((r = posix_spawn(pidp, "/bin/cat", fa, at, argv, environ)) != 0)
    return r;
  if (waitpid(*pidp, &st, 0) != *pidp || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
    return -1;
  return 0;
}
/* posix_spawn of ARGV0 with the actions FA: its errno, and whether *pid stayed untouched. */
static int spawn_err(int spawnp, const posix_spawn_file_actions_t *fa, const char *prog, int *pid_kept)
{
  char *argv[2];
  pid_t pid = -7;
  int r;
  argv[0] = (char *)prog;
  argv[1] = NULL;
  r = spawnp ? posix_spawnp(&pid, prog, fa, NULL, argv, environ) : posix_spawn(&pid, prog, fa, NULL, argv, environ);
  *pid_kept = pid == -7;
  if (r == 0)
    waitpid(pid, NULL, 0);
  return r;
}
static int is_open(int fd) { return fcntl(fd, F_GETFD) >= 0; }
/* Bit SIG of the hex mask after "NAME:\t" in /proc/PID/status text. */
static int mask_has(const char *status, const char *name, int sig)
{
  const char *p = strstr(status, name);
  unsigned long long m;
  return p && sscanf(p + strlen(name), " %llx", &m) == 1 && ((m >> (sig - 1)) & 1);
}

int main(int argc, char **argv)
{
  char top[PATH_MAX], want[PATH_MAX + 64];
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t at;
  sigset_t set, old;
  pid_t pid = 0;
  int kept, dfd, i;
  const char *dir = "api-spawn.d";
  if ((mkdir(dir, 0755) != 0 && errno != EEXIST) || chdir(dir) != 0 || !getcwd(top, sizeof top) ||
      (mkdir("a", 0755) != 0 && errno != EEXIST) || (mkdir("b", 0755) != 0 && errno != EEXIST)) {
    perror("api-spawn: setup");
    return 2;
  }
  put("top.txt", "TOP\n");
  put("a/in.txt", "A\n");
  unlink("out.txt");
  unlink("a/out.txt");
  unlink("b/out.txt");
  unlink("a/cf.txt");
  unlink("attrs.txt");

  /* closefrom in this process: 20 stays, 21 and 22 go; negative means 0 (not tried: it would close
   * stdout). */
  for (i = 20; i <= 22; i++)
    CHECK(dup2(1, i) == i);
  closefrom(21);
  CHECK(is_open(20) && !is_open(21) && !is_open(22) && is_open(1));
  close(20);
  for (i = 20; i <= 22; i++)
    CHECK(dup2(1, i) == i);
  floorcompat_closefrom(22);
  CHECK(is_open(20) && is_open(21) && !is_open(22));
  close(20);
  close(21);
  report("closefrom", floorcompat_path("closefrom"));
  if (argc > 1 && strcmp(argv[1], "only-plain") == 0)
    goto plain;

  /* addchdir_np: fd 3 opened relative to this directory before the chdir, fd 4 and stdout relative
   * to a/ after it; the child prints its cwd and both files. */
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 3, "top.txt", O_RDONLY, 0) == 0);
  CHECK(posix_spawn_file_actions_addchdir_np(&fa, "a") == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 4, "in.txt", O_RDONLY, 0) == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 1, "out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644) == 0);
  CHECK(run_sh(0, &fa, NULL, "pwd -P; cat <&3; cat <&4", &pid) == 0);
  snprintf(want, sizeof want, "%s/a\nTOP\nA\n", top);
  CHECK(strcmp(slurp("a/out.txt"), want) == 0);
  CHECK(access("out.txt", F_OK) != 0); /* not written here: the open came after the chdir */
  /* The same through PATH (posix_spawnp) and with the path copied at add time. */
  {
    char name[8];
    posix_spawn_file_actions_t fb;
    strcpy(name, "b");
    CHECK(posix_spawn_file_actions_init(&fb) == 0);
    CHECK(floorcompat_posix_spawn_file_actions_addchdir_np(&fb, name) == 0);
    strcpy(name, "nope");
    CHECK(posix_spawn_file_actions_addopen(&fb, 1, "out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644) == 0);
    CHECK(run_sh(1, &fb, NULL, "pwd -P", NULL) == 0);
    snprintf(want, sizeof want, "%s/b\n", top);
    CHECK(strcmp(slurp("b/out.txt"), want) == 0);
    CHECK(posix_spawn_file_actions_destroy(&fb) == 0);
  }
  report("posix_spawn_file_actions_addchdir_np", floorcompat_path("posix_spawn_file_actions_addchdir_np"));
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);

  /* addfchdir_np: into b/ through an fd, the relative open after it lands there. */
  unlink("b/out.txt");
  dfd = open("b", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  CHECK(dfd >= 0);
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addfchdir_np(&fa, dfd) == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 1, "out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644) == 0);
  CHECK(run_sh(0, &fa, NULL, "pwd -P", NULL) == 0);
  snprintf(want, sizeof want, "%s/b\n", top);
  CHECK(strcmp(slurp("b/out.txt"), want) == 0);
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  close(dfd);
  /* glibc checks this fd only when the child uses it: EBADF from posix_spawn. */
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(floorcompat_posix_spawn_file_actions_addfchdir_np(&fa, dfd) == 0);
  CHECK(spawn_err(0, &fa, "/bin/sh", &kept) == EBADF && kept);
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  report("posix_spawn_file_actions_addfchdir_np", floorcompat_path("posix_spawn_file_actions_addfchdir_np"));

  /* addclosefrom_np, after a chdir in the same object: fds 20 and 21 are open here without
   * FD_CLOEXEC; the child keeps 20, loses 21. */
  CHECK(dup2(1, 20) == 20 && dup2(1, 21) == 21);
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addchdir_np(&fa, "a") == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 1, "cf.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644) == 0);
  CHECK(posix_spawn_file_actions_addclosefrom_np(&fa, 21) == 0);
  CHECK(run_sh(0, &fa, NULL, "for f in 1 20 21; do if [ -e /proc/$$/fd/$f ]; then echo open$f; "
                             "else echo closed$f; fi; done", NULL) == 0);
  CHECK(strcmp(slurp("a/cf.txt"), "open1\nopen20\nclosed21\n") == 0);
  CHECK(posix_spawn_file_actions_addclosefrom_np(&fa, -1) == EBADF);
  CHECK(floorcompat_posix_spawn_file_actions_addclosefrom_np(&fa, INT_MAX) == EBADF);
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  close(20);
  close(21);
  /* closefrom(3) spares nothing of the caller's above 2, yet a failing exec is still reported. */
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addclosefrom_np(&fa, 3) == 0);
  CHECK(spawn_err(0, &fa, "./no-such-program", &kept) == ENOENT && kept);
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  report("posix_spawn_file_actions_addclosefrom_np", floorcompat_path("posix_spawn_file_actions_addclosefrom_np"));

  /* Errors: a missing directory, a missing program before or after a chdir, PATH search. */
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addchdir_np(&fa, "no-such-dir") == 0);
  CHECK(spawn_err(0, &fa, "/bin/sh", &kept) == ENOENT && kept);
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addchdir_np(&fa, "a") == 0);
  CHECK(spawn_err(0, &fa, "./no-such-program", &kept) == ENOENT && kept);
  CHECK(spawn_err(0, &fa, "../top.txt", &kept) == EACCES && kept); /* not executable */
  CHECK(spawn_err(1, &fa, "no-such-program-floorcompat", &kept) == ENOENT && kept);
  CHECK(posix_spawn_file_actions_addopen(&fa, 5, "no-such-file", O_RDONLY, 0) == 0);
  CHECK(spawn_err(0, &fa, "/bin/sh", &kept) == ENOENT && kept); /* the open after the chdir fails */
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 1, "../out-b.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644) == 0);
  CHECK(posix_spawn_file_actions_addchdir_np(&fa, "b") == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 7, "../top.txt", O_RDONLY, 0) == 0);
  CHECK(posix_spawn_file_actions_adddup2(&fa, 7, 0) == 0);
  CHECK(run_sh(1, &fa, NULL, "cat", NULL) == 0); /* ../top.txt from b/ is top.txt */
  CHECK(strcmp(slurp("../out-b.txt"), "TOP\n") == 0);
  unlink("../out-b.txt");
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  report("spawn-errors", NULL);

  /* Attributes with a chdir: own process group and session, SIGUSR1 blocked by SETSIGMASK, SIGUSR2
   * ignored here but reset by SETSIGDEF, SIGHUP ignored here and inherited as ignored. */
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addchdir_np(&fa, "..") == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 1, "api-spawn.d/attrs.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644) == 0);
  CHECK(posix_spawnattr_init(&at) == 0);
  /* POSIX_SPAWN_SETSID is glibc 2.26: an older glibc's posix_spawnattr_setflags refuses it (EINVAL),
   * so below that floor the child gets its own process group only. */
#if FLOORCOMPAT_GLIBC_PREREQ(2, 26)
#define SPAWN_OWN POSIX_SPAWN_SETSID
#else
#define SPAWN_OWN (POSIX_SPAWN_SETPGROUP)
#endif
  CHECK(posix_spawnattr_setflags(&at, SPAWN_OWN | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) == 0);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  CHECK(posix_spawnattr_setsigmask(&at, &set) == 0);
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  CHECK(posix_spawnattr_setsigdefault(&at, &set) == 0);
  signal(SIGUSR2, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigprocmask(SIG_BLOCK, &set, &old);
  CHECK(run_cat(&fa, &at, &pid) == 0);
  {
    const char *t = slurp("attrs.txt");
    const char *p = strchr(t, ')'); /* comm is "cat" */
    int pgrp = 0, sid = 0;
    CHECK(p && sscanf(p + 2, "%*c %*d %d %d", &pgrp, &sid) == 2 && pgrp == pid &&
          (SPAWN_OWN != POSIX_SPAWN_SETSID || sid == pid));
    CHECK(mask_has(t, "SigBlk:", SIGUSR1) && !mask_has(t, "SigBlk:", SIGTERM));
    CHECK(!mask_has(t, "SigIgn:", SIGUSR2) && mask_has(t, "SigIgn:", SIGHUP));
  }
  /* SETPGROUP with 0 and no SETSIGMASK: own group, the caller's mask (SIGTERM blocked). */
  CHECK(posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP) == 0);
  CHECK(posix_spawnattr_setpgroup(&at, 0) == 0);
  CHECK(run_cat(&fa, &at, &pid) == 0);
  {
    const char *t = slurp("attrs.txt");
    const char *p = strchr(t, ')'); /* comm is "cat" */
    int pgrp = 0, sid = 0;
    CHECK(p && sscanf(p + 2, "%*c %*d %d %d", &pgrp, &sid) == 2 && pgrp == pid && sid == getsid(0));
    CHECK(mask_has(t, "SigBlk:", SIGTERM) && !mask_has(t, "SigBlk:", SIGUSR1));
  }
  sigprocmask(SIG_SETMASK, &old, NULL);
  signal(SIGUSR2, SIG_DFL);
  signal(SIGHUP, SIG_DFL);
  CHECK(posix_spawnattr_destroy(&at) == 0);
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  report("spawn-attrs", NULL);

plain:
  /* Nothing recorded: libc's own posix_spawn and posix_spawnp, found at run time (under a seccomp
   * EPERM for clone3, glibc >= 2.34's fail, which tells them from the emulation); the emulation
   * when the lookup fails. */
  CHECK(posix_spawn_file_actions_init(&fa) == 0);
  CHECK(posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0) == 0);
  i = run_sh(0, &fa, NULL, "true", NULL);
  kept = run_sh(1, NULL, NULL, "true", NULL);
  CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
  if (i == kept && i > 0)
    printf("plain-spawn: error %s\n", strerror(i));
  else {
    CHECK(i == 0 && kept == 0);
    report("plain-spawn", NULL);
  }
  return failed;
}
