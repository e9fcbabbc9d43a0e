/* The sample's static library: the stat family (functions only since glibc 2.33). */
#include <sys/stat.h>

int fcutil_file_size(const char *path, long *size)
{
  struct stat st;
  if (stat(path, &st) != 0)
    return -1;
  *size = (long)st.st_size;
  return 0;
}
