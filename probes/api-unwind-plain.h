/* api-unwind-plain.h: lets probes/api-unwind.c build without floorcompat (the control build of
 * tests/api-unwind.test): glibc's own _dl_find_object serves, no path to report. */
#define floorcompat_path(api) "none"
