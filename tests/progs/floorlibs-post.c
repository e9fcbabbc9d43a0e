/* reallocarray is glibc 2.26's: against floor 2.17's libraries it must be an undefined reference. */
#include <stdlib.h>
int main(void) { return reallocarray(NULL, 2, 8) == NULL; }
