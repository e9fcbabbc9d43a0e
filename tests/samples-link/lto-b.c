#include <pthread.h>
#include <sys/stat.h>
static void *one(void *p) { *(int *)p = 1; return NULL; }
int lto_threads(void)
{
  int v[4] = {0}, sum = 0;
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, one, &v[i]);
  for (int i = 0; i < 4; i++) { pthread_join(t[i], NULL); sum += v[i]; }
  return sum;
}
long lto_size(const char *path) { struct stat st; return stat(path, &st) == 0 ? (long)st.st_size : -1; }
