/* The sample plugin (a module the sample program dlopens): a thread, pthread_once, fstat. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int base;
static void setup(void) { base = 100; }

static void *twice(void *arg)
{
  int *v = arg;
  *v *= 2;
  return NULL;
}

int fcplugin_value(int n)
{
  pthread_t t;
  struct stat st;
  int fd = open("/", O_RDONLY | O_DIRECTORY);

  pthread_once(&once, setup);
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode))
    return -1;
  close(fd);
  if (pthread_create(&t, NULL, twice, &n) != 0 || pthread_join(t, NULL) != 0)
    return -2;
  return base + n;
}
