/* libFuzzer harness for the ELF version parser: any bytes in, no crash, no out-of-bounds read,
 * and every string handed back must lie NUL-terminated inside the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elfver.h"

static const unsigned char *lo, *hi;

/* Abort (so libFuzzer records a crash) unless s is a string inside the input. */
static void inside(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!s)
		return;
	if (p < lo || p >= hi || !memchr(p, 0, (size_t)(hi - p)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ev_file f;
	struct ev_gver v;
	size_t i;

	if (size < 64) {
		/* Short inputs also exercise the version-name parsers as strings. */
		char s[64];
		memcpy(s, data, size);
		s[size] = '\0';
		(void)ev_parse_gver(s, &v);
		(void)ev_classify(s, &v);
	}
	lo = data;
	hi = data + size;
	if (ev_parse(data, size, &f) != NULL)
		return 0;
	for (i = 0; i < f.nvna; i++) {
		inside(f.vna[i].name);
		inside(f.vna[i].file);
		(void)ev_classify(f.vna[i].name, &v);
	}
	for (i = 0; i < f.nvd; i++)
		inside(f.vd[i].name);
	for (i = 0; i < f.nneed; i++) {
		const struct ev_need *n = &f.need[i];
		inside(n->sym);
		inside(n->version);
		inside(n->file);
		if (n->vna && (n->vna < f.vna || n->vna >= f.vna + f.nvna))
			abort();
	}
	ev_free(&f);
	return 0;
}
