/* impl/spawn.h - <spawn.h>: posix_spawn_file_actions_addchdir_np, _addfchdir_np (2.29) and
 * _addclosefrom_np (2.34) for older floors.
 *
 * add*chdir_np, addclosefrom_np: glibc's own, looked up at run time (@GLIBC_2.29, @GLIBC_2.34).
 *   Without it (glibc too old, or the lookup hidden) the action is recorded by floorcompat: a list
 *   hung off the object's __pad words (public layout since glibc 2.2; glibc never touches __pad,
 *   and posix_spawn_file_actions_init zeroes it), each entry with its position, i.e. the object's
 *   __used count when it was added: after how many of glibc's own actions it runs. The argument
 *   checks are glibc's: a bad fd gives EBADF, the path is copied (ENOMEM).
 * posix_spawn, posix_spawnp, posix_spawn_file_actions_destroy take the libc names too while the
 *   floor is below 2.34. Without a floorcompat list on the actions object (no fallback was needed,
 *   or no object) posix_spawn and posix_spawnp are libc's own, of the floor's version, looked up at
 *   the first call (a link-time reference would cost every program a relocation and a GLIBC_2.15
 *   version check at start-up); if that lookup fails too, they are emulated. Otherwise the spawn
 *   is emulated: fork, then in the child glibc's actions interleaved with the recorded ones, then
 *   the attributes, then execve (posix_spawnp: the PATH search of execvp, without its ENOEXEC shell
 *   retry, as glibc >= 2.15). The errno of a failing action or exec comes back through an O_CLOEXEC
 *   pipe and is returned, the child reaped, *pid left alone, as glibc >= 2.24 does (2.17 returned 0
 *   and the child exited 127). Signals are blocked around fork; the child resets every caught
 *   signal to SIG_DFL before its mask is set, so no parent handler runs in it.
 *   Attributes (read through the public posix_spawnattr_get* functions): SETSIGDEF, SCHEDULER or
 *   SCHEDPARAM, SETSID, SETPGROUP, RESETIDS (seteuid(getuid()), setegid(getgid())), SETSIGMASK.
 *   glibc's own actions are read from its internal list (struct __spawn_action). That layout is
 *   mirrored below: tags 0-2 (close, dup2, open) are the same in every glibc since 2.2; the later
 *   ones (3 chdir, 4 fchdir from 2.29, 5 closefrom from 2.34) are replayed only when the running
 *   glibc has them (its version is read first), which happens when one lookup works and the other
 *   does not (glibc 2.29-2.33: chdir resolved, closefrom recorded) or a lookup was forced off on a
 *   new glibc. Any other tag (tcsetpgrp 2.35, or a layout unknown) gives ENOSYS: no silent
 *   misreading. The emulation is reached only when a fallback recorded something, i.e. the running
 *   glibc lacks the function or the lookup was prevented.
 *   Our pipe's fd in the child is kept out of the user's way: an open or dup2 onto it moves it
 *   first; close of it is ignored (as glibc ignores close errors), dup2 from or fchdir to it gives
 *   EBADF (the fd was not open for the caller), closefrom spares it. Like glibc's fork-based 2.17
 *   code, fork runs pthread_atfork handlers. */
#ifndef FLOORCOMPAT_IMPL_SPAWN_H
#define FLOORCOMPAT_IMPL_SPAWN_H 1
/* Everything here is for floors below 2.34, the newest of the four: below 2.29 all are needed, and at
 * 2.29-2.33 addclosefrom_np still needs the emulated spawn. */
#if !FLOORCOMPAT_HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP
#include <spawn.h>
#include <sys/resource.h>
#ifdef __cplusplus
extern "C" {
#endif

/* ---- the floorcompat list of an actions object ---- */
enum { FLOORCOMPAT__SP_CHDIR = 3, FLOORCOMPAT__SP_FCHDIR = 4, FLOORCOMPAT__SP_CLOSEFROM = 5 };
struct floorcompat__sp_rec {
  int kind, pos, fd;
  char *path;
};
struct floorcompat__sp_list {
  int n, cap;
  struct floorcompat__sp_rec *rec;
};
#define FLOORCOMPAT__SP_MAGIC 0x46437370 /* in __pad[0]; the list pointer at __pad + 2 */

static struct floorcompat__sp_list *floorcompat__sp_get(const posix_spawn_file_actions_t *fa)
{
  struct floorcompat__sp_list *l = 0;
  if (fa && fa->__pad[0] == FLOORCOMPAT__SP_MAGIC)
    __builtin_memcpy(&l, &fa->__pad[2], sizeof l);
  return l;
}

/* Append an action; 0 or ENOMEM (PATH is copied). */
static int floorcompat__sp_add(posix_spawn_file_actions_t *fa, int kind, int fd, const char *path)
{
  struct floorcompat__sp_list *l = floorcompat__sp_get(fa);
  char *copy = 0;
  if (path && !(copy = floorcompat__strdup(path)))
    return ENOMEM;
  if (!l) {
    if (!(l = (struct floorcompat__sp_list *)floorcompat__calloc(1, sizeof *l))) {
      floorcompat__free(copy);
      return ENOMEM;
    }
    fa->__pad[0] = FLOORCOMPAT__SP_MAGIC;
    __builtin_memcpy(&fa->__pad[2], &l, sizeof l);
  }
  if (l->n == l->cap) {
    int cap = l->cap ? 2 * l->cap : 4;
    struct floorcompat__sp_rec *r =
      (struct floorcompat__sp_rec *)floorcompat__realloc(l->rec, (__SIZE_TYPE__)cap * sizeof *r);
    if (!r) {
      floorcompat__free(copy);
      return ENOMEM;
    }
    l->rec = r;
    l->cap = cap;
  }
  l->rec[l->n].kind = kind;
  l->rec[l->n].pos = fa->__used;
  l->rec[l->n].fd = fd;
  l->rec[l->n].path = copy;
  l->n++;
  return 0;
}

/* glibc's check of an fd argument (__spawn_valid_fd). */
static int floorcompat__sp_valid_fd(int fd)
{
  struct rlimit rl;
  return fd >= 0 && (floorcompat__sys_getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
                     (unsigned long)fd < (unsigned long)rl.rlim_cur);
}

typedef int (*floorcompat__sp_addp_fn)(posix_spawn_file_actions_t *, const char *);
typedef int (*floorcompat__sp_addi_fn)(posix_spawn_file_actions_t *, int);
static void *floorcompat__sp_closefrom_slot;

#if !FLOORCOMPAT_HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCHDIR_NP
static void *floorcompat__sp_chdir_slot, *floorcompat__sp_fchdir_slot;
FLOORCOMPAT__SHIM int floorcompat_posix_spawn_file_actions_addchdir_np(void *obj, const char *path)
{
  posix_spawn_file_actions_t *fa = (posix_spawn_file_actions_t *)obj;
  void *p = floorcompat__resolve(&floorcompat__sp_chdir_slot, "posix_spawn_file_actions_addchdir_np", "GLIBC_2.29");
  if (p) {
    floorcompat__sp_addp_fn f;
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(posix_spawn_file_actions_addchdir_np, FLOORCOMPAT__P_RESOLVED);
    return f(fa, path);
  }
  FLOORCOMPAT__SET_PATH(posix_spawn_file_actions_addchdir_np, FLOORCOMPAT__P_FALLBACK);
  return floorcompat__sp_add(fa, FLOORCOMPAT__SP_CHDIR, -1, path);
}
FLOORCOMPAT__SHIM_AS(floorcompat_posix_spawn_file_actions_addchdir_np, posix_spawn_file_actions_addchdir_np)

FLOORCOMPAT__SHIM int floorcompat_posix_spawn_file_actions_addfchdir_np(void *obj, int fd)
{
  posix_spawn_file_actions_t *fa = (posix_spawn_file_actions_t *)obj;
  void *p = floorcompat__resolve(&floorcompat__sp_fchdir_slot, "posix_spawn_file_actions_addfchdir_np", "GLIBC_2.29");
  if (p) {
    floorcompat__sp_addi_fn f;
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(posix_spawn_file_actions_addfchdir_np, FLOORCOMPAT__P_RESOLVED);
    return f(fa, fd);
  }
  FLOORCOMPAT__SET_PATH(posix_spawn_file_actions_addfchdir_np, FLOORCOMPAT__P_FALLBACK);
  return floorcompat__sp_add(fa, FLOORCOMPAT__SP_FCHDIR, fd, 0);
}
FLOORCOMPAT__SHIM_AS(floorcompat_posix_spawn_file_actions_addfchdir_np, posix_spawn_file_actions_addfchdir_np)
#endif

FLOORCOMPAT__SHIM int floorcompat_posix_spawn_file_actions_addclosefrom_np(void *obj, int from)
{
  posix_spawn_file_actions_t *fa = (posix_spawn_file_actions_t *)obj;
  void *p = floorcompat__resolve(&floorcompat__sp_closefrom_slot, "posix_spawn_file_actions_addclosefrom_np",
                                 "GLIBC_2.34");
  if (p) {
    floorcompat__sp_addi_fn f;
    FLOORCOMPAT__FN(f, p);
    FLOORCOMPAT__SET_PATH(posix_spawn_file_actions_addclosefrom_np, FLOORCOMPAT__P_RESOLVED);
    return f(fa, from);
  }
  FLOORCOMPAT__SET_PATH(posix_spawn_file_actions_addclosefrom_np, FLOORCOMPAT__P_FALLBACK);
  if (!floorcompat__sp_valid_fd(from))
    return EBADF;
  return floorcompat__sp_add(fa, FLOORCOMPAT__SP_CLOSEFROM, from, 0);
}
FLOORCOMPAT__SHIM_AS(floorcompat_posix_spawn_file_actions_addclosefrom_np, posix_spawn_file_actions_addclosefrom_np)

/* ---- libc's own posix_spawn, posix_spawnp (looked up when first needed: no link-time reference,
 * no GLIBC_2.15 version need; if the lookup fails the emulation serves every call) and destroy ---- */
#if defined(__x86_64__) || defined(__i386__) || defined(__arm__) || defined(__s390x__)
#if FLOORCOMPAT_GLIBC >= 215 /* exec failures reported, no shell retry of ENOEXEC files */
#define FLOORCOMPAT__SP_VERSION "GLIBC_2.15"
#elif defined(__i386__) /* its base is GLIBC_2.0, posix_spawn came in 2.2 */
#define FLOORCOMPAT__SP_VERSION "GLIBC_2.2"
#else
#define FLOORCOMPAT__SP_VERSION FLOORCOMPAT__BASE_VERSION
#endif
#else
#define FLOORCOMPAT__SP_VERSION FLOORCOMPAT__BASE_VERSION
#endif
typedef int (*floorcompat__sp_fn)(pid_t *, const char *, const posix_spawn_file_actions_t *,
                                  const posix_spawnattr_t *, char *const[], char *const[]);
static void *floorcompat__sp_libc_slot[2];
/* libc's own, by its version: the plain name is this family's definition. */
extern int floorcompat__libc_sp_destroy(posix_spawn_file_actions_t *fa) __asm__("floorcompat__libc_sp_destroy");

/* ---- what the emulation calls: syscalls (see impl/common.h) on x86_64 and aarch64, else libc's
 * functions of glibc 2.17 by own names ---- */
#ifdef FLOORCOMPAT__RAW_WRAPPERS
#define FLOORCOMPAT__SP_SYS(n, a, b, c, d) ((int)FLOORCOMPAT__SYS(n, a, b, c, d))
#define floorcompat__sys_pipe2(p, f) FLOORCOMPAT__SP_SYS(pipe2, p, f, 0, 0)
#define floorcompat__sys_dup2(a, b) FLOORCOMPAT__SP_SYS(dup3, a, b, 0, 0) /* a != b here */
#define floorcompat__sys_chdir(p) FLOORCOMPAT__SP_SYS(chdir, p, 0, 0, 0)
#define floorcompat__sys_fchdir(fd) FLOORCOMPAT__SP_SYS(fchdir, fd, 0, 0, 0)
#define floorcompat__sys_execve(p, a, e) FLOORCOMPAT__SP_SYS(execve, p, a, e, 0)
#define floorcompat__sys__exit(c) floorcompat__raw_syscall(__NR_exit_group, c, 0, 0, 0, 0, 0)
#define floorcompat__sys_waitpid(p, s, o) FLOORCOMPAT__SP_SYS(wait4, p, s, o, 0)
#define floorcompat__sys_setsid() FLOORCOMPAT__SP_SYS(setsid, 0, 0, 0, 0)
#define floorcompat__sys_setpgid(p, g) FLOORCOMPAT__SP_SYS(setpgid, p, g, 0, 0)
#define floorcompat__sys_sched_setscheduler(p, pol, sp) FLOORCOMPAT__SP_SYS(sched_setscheduler, p, pol, sp, 0)
#define floorcompat__sys_sched_setparam(p, sp) FLOORCOMPAT__SP_SYS(sched_setparam, p, sp, 0, 0)
/* Only the calling thread's ids, as glibc's child does; the child has no other thread. */
#define floorcompat__sys_reset_ids()                                                                \
  (FLOORCOMPAT__SP_SYS(setresuid, -1, floorcompat__raw_syscall(__NR_getuid, 0, 0, 0, 0, 0, 0), -1, 0) || \
   FLOORCOMPAT__SP_SYS(setresgid, -1, floorcompat__raw_syscall(__NR_getgid, 0, 0, 0, 0, 0, 0), -1, 0))
/* The kernel's calls: its sigset is glibc's first 8 bytes, its struct sigaction starts with the
 * handler too. Blocking every signal, glibc's internal ones included, is what glibc's own
 * posix_spawn does around its clone. */
#define floorcompat__sys_sigprocmask(h, s, o) FLOORCOMPAT__SP_SYS(rt_sigprocmask, h, s, o, 8)
#define floorcompat__sys_sigaction(n, a, o) FLOORCOMPAT__SP_SYS(rt_sigaction, n, a, o, 8)
#else
extern int floorcompat__sys_pipe2(int *, int) __asm__("pipe2");
extern int floorcompat__sys_dup2(int, int) __asm__("dup2");
extern int floorcompat__sys_chdir(const char *) __asm__("chdir");
extern int floorcompat__sys_fchdir(int) __asm__("fchdir");
extern int floorcompat__sys_execve(const char *, char *const[], char *const[]) __asm__("execve");
extern void floorcompat__sys__exit(int) __asm__("_exit") __attribute__((noreturn));
extern pid_t floorcompat__sys_waitpid(pid_t, int *, int) __asm__("waitpid");
extern int floorcompat__sys_sigprocmask(int, const sigset_t *, sigset_t *) __asm__("sigprocmask");
extern int floorcompat__sys_sigaction(int, const void *, void *) __asm__("sigaction");
extern pid_t floorcompat__sys_setsid(void) __asm__("setsid");
extern int floorcompat__sys_setpgid(pid_t, pid_t) __asm__("setpgid");
extern int floorcompat__sys_sched_setscheduler(pid_t, int, const struct sched_param *) __asm__("sched_setscheduler");
extern int floorcompat__sys_sched_setparam(pid_t, const struct sched_param *) __asm__("sched_setparam");
extern unsigned int floorcompat__sys_getuid(void) __asm__("getuid");
extern unsigned int floorcompat__sys_getgid(void) __asm__("getgid");
extern int floorcompat__sys_seteuid(unsigned int) __asm__("seteuid");
extern int floorcompat__sys_setegid(unsigned int) __asm__("setegid");
#define floorcompat__sys_reset_ids() \
  (floorcompat__sys_seteuid(floorcompat__sys_getuid()) != 0 || floorcompat__sys_setegid(floorcompat__sys_getgid()) != 0)
#endif
#define FLOORCOMPAT__F_GETFD 1
#define FLOORCOMPAT__F_SETFD 2
#define FLOORCOMPAT__F_DUPFD_CLOEXEC 1030
#define FLOORCOMPAT__SIG_SETMASK 2
#define FLOORCOMPAT__SA_RESETIDS 0x01
#define FLOORCOMPAT__SA_SETPGROUP 0x02
#define FLOORCOMPAT__SA_SETSIGDEF 0x04
#define FLOORCOMPAT__SA_SETSIGMASK 0x08
#define FLOORCOMPAT__SA_SCHEDPARAM 0x10
#define FLOORCOMPAT__SA_SCHEDULER 0x20
#define FLOORCOMPAT__SA_SETSID 0x80

/* glibc's struct __spawn_action (posix/spawn_int.h), tags and members of every version. */
struct floorcompat__glibc_action {
  int tag;
  union {
    struct { int fd; } close_action;
    struct { int fd, newfd; } dup2_action;
    struct { int fd; const char *path; int oflag; unsigned int mode; } open_action;
    struct { const char *path; } chdir_action;
    struct { int fd; } fchdir_action;
    struct { int from; } closefrom_action;
  } action;
};

/* Everything the child needs, prepared by the parent (the child does not allocate). */
struct floorcompat__sp_job {
  const char *file, *search; /* search: PATH for posix_spawnp of a name without '/', else NULL */
  char *buf;                  /* room for one PATH candidate */
  __SIZE_TYPE__ flen;
  char *const *argv, *const *envp;
  const posix_spawn_file_actions_t *fa;
  const struct floorcompat__sp_list *list;
  int glibc, flags, pfd, rfd; /* running glibc (major*100+minor), attribute flags, pipe ends */
  pid_t pgrp;
  sigset_t sd, ss, old;
  int policy;
  struct sched_param sp;
};

/* Move the pipe off FD if it is there; -1 with errno on failure. */
static int floorcompat__sp_free_fd(struct floorcompat__sp_job *j, int fd)
{
  int n;
  if (fd != j->pfd)
    return 0;
  if ((n = floorcompat__sys_fcntl(j->pfd, FLOORCOMPAT__F_DUPFD_CLOEXEC, 0)) < 0)
    return -1;
  floorcompat__sys_close(j->pfd);
  j->pfd = n;
  return 0;
}

static int floorcompat__sp_closefrom(struct floorcompat__sp_job *j, int from)
{
  unsigned int p = (unsigned int)j->pfd, f = (unsigned int)from;
  if (f <= p) {
    if (f < p && floorcompat_close_range(f, p - 1, 0) != 0)
      return -1;
    return p == ~0U ? 0 : floorcompat_close_range(p + 1, ~0U, 0);
  }
  return floorcompat_close_range(f, ~0U, 0);
}

/* One recorded action; 0 or -1 with errno. */
static int floorcompat__sp_rec_run(struct floorcompat__sp_job *j, const struct floorcompat__sp_rec *r)
{
  switch (r->kind) {
  case FLOORCOMPAT__SP_CHDIR: return floorcompat__sys_chdir(r->path);
  case FLOORCOMPAT__SP_FCHDIR:
    if (r->fd == j->pfd) {
      errno = EBADF;
      return -1;
    }
    return floorcompat__sys_fchdir(r->fd);
  default: return floorcompat__sp_closefrom(j, r->fd);
  }
}

/* One of glibc's actions, as glibc >= 2.29 runs it; 0 or -1 with errno. */
static int floorcompat__sp_glibc_run(struct floorcompat__sp_job *j, const struct floorcompat__glibc_action *a)
{
  int fd, r;
  switch (a->tag) {
  case 0: /* close: errors other than a bad number are ignored, as glibc does */
    if (a->action.close_action.fd != j->pfd)
      floorcompat__sys_close(a->action.close_action.fd);
    return 0;
  case 1: /* dup2; onto itself it clears FD_CLOEXEC */
    fd = a->action.dup2_action.fd;
    if (fd == j->pfd) {
      errno = EBADF;
      return -1;
    }
    if (fd == a->action.dup2_action.newfd) {
      if ((r = floorcompat__sys_fcntl(fd, FLOORCOMPAT__F_GETFD, 0)) < 0)
        return -1;
      return floorcompat__sys_fcntl(fd, FLOORCOMPAT__F_SETFD, r & ~1) < 0 ? -1 : 0;
    }
    if (floorcompat__sp_free_fd(j, a->action.dup2_action.newfd) != 0)
      return -1;
    return floorcompat__sys_dup2(fd, a->action.dup2_action.newfd) < 0 ? -1 : 0;
  case 2: /* open */
    if (floorcompat__sp_free_fd(j, a->action.open_action.fd) != 0)
      return -1;
    fd = floorcompat__sys_open(a->action.open_action.path, a->action.open_action.oflag,
                               a->action.open_action.mode);
    if (fd < 0)
      return -1;
    if (fd != a->action.open_action.fd) {
      if (floorcompat__sys_dup2(fd, a->action.open_action.fd) < 0)
        return -1;
      floorcompat__sys_close(fd);
    }
    return 0;
  case 3:
    if (j->glibc >= 229)
      return floorcompat__sys_chdir(a->action.chdir_action.path);
    break;
  case 4:
    if (j->glibc >= 229) {
      struct floorcompat__sp_rec rec = { FLOORCOMPAT__SP_FCHDIR, 0, 0, 0 };
      rec.fd = a->action.fchdir_action.fd;
      return floorcompat__sp_rec_run(j, &rec);
    }
    break;
  case 5:
    if (j->glibc >= 234)
      return floorcompat__sp_closefrom(j, a->action.closefrom_action.from);
    break;
  default: break;
  }
  errno = ENOSYS;
  return -1;
}

/* sigismember and "has a handler" without <signal.h>'s feature-test macros: glibc's sigset_t is an
 * array of unsigned long, bit SIG-1 for SIG; every struct sigaction starts with the handler, and
 * SIG_DFL and SIG_IGN are 0 and 1. */
static int floorcompat__sp_ismember(const sigset_t *s, int sig)
{
  const unsigned long *w = (const unsigned long *)(const void *)s;
  unsigned b = (unsigned)(sig - 1), bits = 8 * sizeof(unsigned long);
  return (int)((w[b / bits] >> (b % bits)) & 1);
}
static int floorcompat__sp_caught(const void *sa)
{
  __UINTPTR_TYPE__ h;
  __builtin_memcpy(&h, sa, sizeof h);
  return h > 1;
}

static __attribute__((noreturn)) void floorcompat__sp_child(struct floorcompat__sp_job *j)
{
  union { void (*handler)(int); char room[512]; long align; } cur, dfl; /* > any struct sigaction */
  const struct floorcompat__glibc_action *acts =
    j->fa ? (const struct floorcompat__glibc_action *)(const void *)j->fa->__actions : 0;
  int i, k = 0, used = j->fa ? j->fa->__used : 0, e, got_eacces = 0;
  floorcompat__sys_close(j->rfd); /* the caller's fd table, but for the pipe's write end */
  floorcompat__memset0(&dfl, 0, sizeof dfl); /* SIG_DFL, empty mask, no flags */
  for (i = 1; i < 65; i++)
    if (((j->flags & FLOORCOMPAT__SA_SETSIGDEF) && floorcompat__sp_ismember(&j->sd, i)) ||
        (floorcompat__sys_sigaction(i, 0, &cur) == 0 && floorcompat__sp_caught(&cur)))
      (void)floorcompat__sys_sigaction(i, &dfl, 0);
  if ((j->flags & FLOORCOMPAT__SA_SCHEDULER) ? floorcompat__sys_sched_setscheduler(0, j->policy, &j->sp) != 0
      : (j->flags & FLOORCOMPAT__SA_SCHEDPARAM) ? floorcompat__sys_sched_setparam(0, &j->sp) != 0 : 0)
    goto fail;
  if ((j->flags & FLOORCOMPAT__SA_SETSID) && floorcompat__sys_setsid() < 0)
    goto fail;
  if ((j->flags & FLOORCOMPAT__SA_SETPGROUP) && floorcompat__sys_setpgid(0, j->pgrp) != 0)
    goto fail;
  if ((j->flags & FLOORCOMPAT__SA_RESETIDS) && floorcompat__sys_reset_ids())
    goto fail;
  for (i = 0;; i++) {
    for (; j->list && k < j->list->n && j->list->rec[k].pos <= i; k++)
      if (floorcompat__sp_rec_run(j, &j->list->rec[k]) != 0)
        goto fail;
    if (i >= used)
      break;
    if (floorcompat__sp_glibc_run(j, &acts[i]) != 0)
      goto fail;
  }
  if (floorcompat__sys_sigprocmask(FLOORCOMPAT__SIG_SETMASK,
                                   (j->flags & FLOORCOMPAT__SA_SETSIGMASK) ? &j->ss : &j->old, 0) != 0)
    goto fail;
  if (!j->search) {
    (void)floorcompat__sys_execve(j->file, j->argv, j->envp);
    goto fail;
  }
  for (;;) { /* execvp's search: an empty element is the current directory */
    const char *end = floorcompat__strchr0(j->search, ':');
    __SIZE_TYPE__ n = end ? (__SIZE_TYPE__)(end - j->search) : floorcompat__strlen0(j->search);
    floorcompat__memmove(j->buf, j->search, n);
    if (n)
      j->buf[n++] = '/';
    floorcompat__memmove(j->buf + n, j->file, j->flen + 1);
    (void)floorcompat__sys_execve(j->buf, j->argv, j->envp);
    switch (errno) {
    case EACCES: got_eacces = 1; /* fall through */
    case ENOENT: case ESTALE: case ENOTDIR: case ENODEV: case ETIMEDOUT: break;
    default: goto fail;
    }
    if (!end)
      break;
    j->search = end + 1;
  }
  if (got_eacces)
    errno = EACCES;
fail:
  e = errno;
  while (floorcompat__sys_write(j->pfd, &e, sizeof e) < 0 && errno == EINTR)
    ;
  floorcompat__sys__exit(127);
  __builtin_unreachable();
}

static __attribute__((noinline, cold)) int floorcompat__sp_emulate(pid_t *pid, const char *file,
                                                                   const posix_spawn_file_actions_t *fa,
                                                                   const posix_spawnattr_t *attr, char *const argv[],
                                                                   char *const envp[], int use_path)
{
  struct floorcompat__sp_job j;
  int p[2], e = 0, saved = errno, maj = 0, min = 0;
  sigset_t all;
  pid_t child;
  floorcompat__ssize_t r;
  floorcompat__memset0(&j, 0, sizeof j);
  j.file = file;
  j.argv = argv;
  j.envp = envp;
  j.fa = fa;
  j.list = floorcompat__sp_get(fa);
  j.glibc = floorcompat_glibc_version(&maj, &min) == 0 ? maj * 100 + min : 0;
  if (attr) { /* the public layout of posix_spawnattr_t, the same since glibc 2.2 */
    j.flags = (unsigned short)attr->__flags;
    j.pgrp = attr->__pgrp;
    floorcompat__memmove0(&j.sd, &attr->__sd, sizeof j.sd); /* no memcpy call for the copy at -O0 */
    floorcompat__memmove0(&j.ss, &attr->__ss, sizeof j.ss);
    j.sp = attr->__sp;
    j.policy = attr->__policy;
  }
  if (use_path && !floorcompat__strchr0(file, '/')) {
    j.flen = floorcompat__strlen0(file);
    if (j.flen == 0)
      return ENOENT;
    if (j.flen > 255)
      return ENAMETOOLONG;
    if (!(j.search = floorcompat__getenv("PATH")))
      j.search = "/bin:/usr/bin";
    if (!(j.buf = (char *)floorcompat__malloc(floorcompat__strlen0(j.search) + j.flen + 2)))
      return ENOMEM;
  }
  if (floorcompat__sys_pipe2(p, FLOORCOMPAT__O_CLOEXEC) != 0) {
    e = errno;
    floorcompat__free(j.buf);
    errno = saved;
    return e;
  }
  j.pfd = p[1];
  j.rfd = p[0];
  floorcompat__memset0(&all, 0xff, sizeof all);
  (void)floorcompat__sys_sigprocmask(FLOORCOMPAT__SIG_SETMASK, &all, &j.old);
  child = floorcompat__fork();
  if (child == 0)
    floorcompat__sp_child(&j);
  if (child < 0)
    e = errno;
  (void)floorcompat__sys_sigprocmask(FLOORCOMPAT__SIG_SETMASK, &j.old, 0);
  floorcompat__sys_close(p[1]);
  floorcompat__free(j.buf);
  if (child > 0) {
    while ((r = floorcompat__sys_read(p[0], &e, sizeof e)) < 0 && errno == EINTR)
      ;
    if (r != (floorcompat__ssize_t)sizeof e)
      e = 0;
    if (e != 0)
      while (floorcompat__sys_waitpid(child, 0, 0) < 0 && errno == EINTR)
        ;
    else if (pid)
      *pid = child;
  }
  floorcompat__sys_close(p[0]);
  errno = saved;
  return e;
}

FLOORCOMPAT__SHIM int floorcompat__posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
                                               const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
  void *p;
  if (__builtin_expect(!floorcompat__sp_get(fa), 1) &&
      (p = floorcompat__resolve(&floorcompat__sp_libc_slot[0], "posix_spawn", FLOORCOMPAT__SP_VERSION))) {
    floorcompat__sp_fn f;
    FLOORCOMPAT__FN(f, p);
    return f(pid, path, fa, attr, argv, envp);
  }
  return floorcompat__sp_emulate(pid, path, fa, attr, argv, envp, 0);
}
FLOORCOMPAT__SHIM_AS(floorcompat__posix_spawn, posix_spawn)

FLOORCOMPAT__SHIM int floorcompat__posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                                                const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
  void *p;
  if (__builtin_expect(!floorcompat__sp_get(fa), 1) &&
      (p = floorcompat__resolve(&floorcompat__sp_libc_slot[1], "posix_spawnp", FLOORCOMPAT__SP_VERSION))) {
    floorcompat__sp_fn f;
    FLOORCOMPAT__FN(f, p);
    return f(pid, file, fa, attr, argv, envp);
  }
  return floorcompat__sp_emulate(pid, file, fa, attr, argv, envp, 1);
}
FLOORCOMPAT__SHIM_AS(floorcompat__posix_spawnp, posix_spawnp)

FLOORCOMPAT__SHIM int floorcompat__posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
  struct floorcompat__sp_list *l = floorcompat__sp_get(fa);
  if (l) {
    int i;
    for (i = 0; i < l->n; i++)
      floorcompat__free(l->rec[i].path);
    floorcompat__free(l->rec);
    floorcompat__free(l);
    fa->__pad[0] = 0;
  }
  FLOORCOMPAT__RENAME(floorcompat__libc_sp_destroy, posix_spawn_file_actions_destroy, FLOORCOMPAT__BASE_VERSION);
  return floorcompat__libc_sp_destroy(fa);
}
FLOORCOMPAT__SHIM_AS(floorcompat__posix_spawn_file_actions_destroy, posix_spawn_file_actions_destroy)
#ifdef __cplusplus
}
#endif
#endif /* !FLOORCOMPAT_HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP */
#endif
