/* elfmangle: make ELF test inputs for floorcompat-audit's tests.
 *
 *   elfmangle get FILE FIELD                 print a field (decimal)
 *   elfmangle set IN OUT FIELD=VALUE...      copy IN to OUT with fields patched
 *   elfmangle synth CLASS ENDIAN OUT [relr]  write a small versioned ELF (CLASS 32|64,
 *                                            ENDIAN le|be); "relr" adds GLIBC_ABI_DT_RELR
 *
 * FIELDs: class data e_phoff e_shoff e_phentsize e_phnum e_shentsize e_shnum e_shstrndx;
 * SEC.sh_offset|sh_size|sh_link|sh_info|sh_entsize|sh_type with SEC one of dynsym dynstr
 * versym verneed verdef (found by type; dynstr is dynsym's sh_link); SEC.off (= sh_offset)
 * and SEC.end (offset past the last byte) for `get`; vn0.vn_cnt|vn_file|vn_aux|vn_next and
 * vna0.vna_flags|vna_other|vna_name|vna_next (first Verneed and its first Vernaux);
 * dynamic.p_offset|p_filesz (the PT_DYNAMIC program header); dynstr.fill=BYTE overwrites the
 * whole dynamic string table with BYTE.
 *
 * Test code: it assumes its input is a sane ELF file (the tests make it from real binaries)
 * and exits 1 on anything unexpected.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *buf;
static size_t len;
static int is64, be;

static void die(const char *msg, const char *arg)
{
	fprintf(stderr, "elfmangle: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(1);
}

static uint64_t rd(size_t off, unsigned w)
{
	uint64_t v = 0;
	unsigned i;
	if (off > len || w > len - off)
		die("field outside the file", NULL);
	for (i = 0; i < w; i++)
		v = (v << 8) | buf[off + (be ? i : w - 1 - i)];
	return v;
}

static void wr(size_t off, unsigned w, uint64_t v)
{
	unsigned i;
	if (off > len || w > len - off)
		die("field outside the file", NULL);
	for (i = 0; i < w; i++)
		buf[off + (be ? w - 1 - i : i)] = (unsigned char)(v >> (8 * i));
}

static void load(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n = 0;
	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		die("cannot read", path);
	len = (size_t)n;
	buf = malloc(len ? len : 1);
	if (!buf || fread(buf, 1, len, f) != len)
		die("cannot read", path);
	fclose(f);
	if (len < 64 || memcmp(buf, "\177ELF", 4) != 0)
		die("not an ELF file", path);
	is64 = buf[4] == 2;
	be = buf[5] == 2;
}

static void save(const char *path)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0)
		die("cannot write", path);
}

#define A (is64 ? 8u : 4u) /* address-sized field */

static size_t shdr_off(uint64_t i) { return (size_t)(rd(is64 ? 40 : 32, A) + i * rd(is64 ? 58 : 46, 2)); }
static uint64_t shnum(void) { return rd(is64 ? 60 : 48, 2); }

static size_t find_section(uint32_t type)
{
	uint64_t i;
	for (i = 1; i < shnum(); i++)
		if (rd(shdr_off(i) + 4, 4) == type)
			return shdr_off(i);
	die("no such section", NULL);
	return 0;
}

static size_t section(const char *name)
{
	if (strcmp(name, "dynsym") == 0)
		return find_section(11);
	if (strcmp(name, "versym") == 0)
		return find_section(0x6fffffff);
	if (strcmp(name, "verneed") == 0)
		return find_section(0x6ffffffe);
	if (strcmp(name, "verdef") == 0)
		return find_section(0x6ffffffd);
	if (strcmp(name, "dynstr") == 0)
		return shdr_off(rd(find_section(11) + (is64 ? 40 : 24), 4));
	die("unknown section", name);
	return 0;
}

/* Where a named field lives: offset and width. */
static void locate(const char *field, size_t *off, unsigned *w)
{
	static const struct {
		const char *name;
		unsigned o32, o64, w32, w64;
	} eh[] = {
		{"class", 4, 4, 1, 1}, {"data", 5, 5, 1, 1}, {"e_phoff", 28, 32, 4, 8}, {"e_shoff", 32, 40, 4, 8},
		{"e_phentsize", 42, 54, 2, 2}, {"e_phnum", 44, 56, 2, 2}, {"e_shentsize", 46, 58, 2, 2},
		{"e_shnum", 48, 60, 2, 2}, {"e_shstrndx", 50, 62, 2, 2},
	}, sh[] = {
		{"sh_type", 4, 4, 4, 4}, {"sh_offset", 16, 24, 4, 8}, {"sh_size", 20, 32, 4, 8},
		{"sh_link", 24, 40, 4, 4}, {"sh_info", 28, 44, 4, 4}, {"sh_entsize", 36, 56, 4, 8},
	}, vn[] = {
		{"vn_cnt", 2, 2, 2, 2}, {"vn_file", 4, 4, 4, 4}, {"vn_aux", 8, 8, 4, 4}, {"vn_next", 12, 12, 4, 4},
		{"vna_flags", 4, 4, 2, 2}, {"vna_other", 6, 6, 2, 2}, {"vna_name", 8, 8, 4, 4}, {"vna_next", 12, 12, 4, 4},
	}, ph[] = {
		{"p_offset", 4, 8, 4, 8}, {"p_filesz", 16, 32, 4, 8},
	};
	const char *dot = strchr(field, '.');
	size_t i;
	char sec[32];

	if (!dot) {
		for (i = 0; i < sizeof eh / sizeof eh[0]; i++)
			if (strcmp(field, eh[i].name) == 0) {
				*off = is64 ? eh[i].o64 : eh[i].o32;
				*w = is64 ? eh[i].w64 : eh[i].w32;
				return;
			}
		die("unknown field", field);
	}
	if ((size_t)(dot - field) >= sizeof sec)
		die("unknown field", field);
	memcpy(sec, field, (size_t)(dot - field));
	sec[dot - field] = '\0';
	dot++;
	if (strcmp(sec, "vn0") == 0 || strcmp(sec, "vna0") == 0) {
		size_t base = (size_t)rd(section("verneed") + (is64 ? 24 : 16), A);
		if (sec[2] == 'a')
			base += (size_t)rd(base + 8, 4);
		for (i = 0; i < sizeof vn / sizeof vn[0]; i++)
			if (strcmp(dot, vn[i].name) == 0 && (sec[2] == 'a') == (vn[i].name[2] == 'a')) {
				*off = base + vn[i].o32;
				*w = vn[i].w32;
				return;
			}
		die("unknown field", field);
	}
	if (strcmp(sec, "dynamic") == 0) {
		uint64_t phoff = rd(is64 ? 32 : 28, A), n = rd(is64 ? 56 : 44, 2), ent = rd(is64 ? 54 : 42, 2), k;
		for (k = 0; k < n; k++) {
			size_t p = (size_t)(phoff + k * ent);
			if (rd(p, 4) != 2)
				continue;
			for (i = 0; i < sizeof ph / sizeof ph[0]; i++)
				if (strcmp(dot, ph[i].name) == 0) {
					*off = p + (is64 ? ph[i].o64 : ph[i].o32);
					*w = is64 ? ph[i].w64 : ph[i].w32;
					return;
				}
		}
		die("unknown field", field);
	}
	{
		size_t s = section(sec);
		for (i = 0; i < sizeof sh / sizeof sh[0]; i++)
			if (strcmp(dot, sh[i].name) == 0) {
				*off = s + (is64 ? sh[i].o64 : sh[i].o32);
				*w = is64 ? sh[i].w64 : sh[i].w32;
				return;
			}
	}
	die("unknown field", field);
}

static uint64_t get(const char *field)
{
	size_t off;
	unsigned w;
	const char *dot = strrchr(field, '.');
	if (dot && (strcmp(dot, ".off") == 0 || strcmp(dot, ".end") == 0)) {
		char sec[32];
		size_t s;
		if ((size_t)(dot - field) >= sizeof sec)
			die("unknown field", field);
		memcpy(sec, field, (size_t)(dot - field));
		sec[dot - field] = '\0';
		s = section(sec);
		return rd(s + (is64 ? 24 : 16), A) + (dot[1] == 'e' ? rd(s + (is64 ? 32 : 20), A) : 0);
	}
	locate(field, &off, &w);
	return rd(off, w);
}

static void set(const char *assign)
{
	char field[64];
	const char *eq = strchr(assign, '=');
	uint64_t v;
	size_t off;
	unsigned w;
	if (!eq || (size_t)(eq - assign) >= sizeof field)
		die("expected FIELD=VALUE", assign);
	memcpy(field, assign, (size_t)(eq - assign));
	field[eq - assign] = '\0';
	v = strtoull(eq + 1, NULL, 0);
	if (strcmp(field, "dynstr.fill") == 0) {
		size_t s = section("dynstr");
		size_t o = (size_t)rd(s + (is64 ? 24 : 16), A), n = (size_t)rd(s + (is64 ? 32 : 20), A);
		if (o > len || n > len - o)
			die("dynstr outside the file", NULL);
		memset(buf + o, (int)v, n);
		return;
	}
	locate(field, &off, &w);
	wr(off, w, v);
}

/* ---------- synth ---------- */

/* A shared object with every kind of version data the audit reads, in any class and byte
 * order, laid out like a linker would (one PT_LOAD, vaddr = 0x10000 + offset). */
#define BASE 0x10000u

static size_t pos;
static size_t align_to(size_t a)
{
	pos = (pos + a - 1) / a * a;
	return pos;
}

static size_t strs(const char *all, size_t all_len, const char *s)
{
	size_t i;
	for (i = 0; i < all_len; i += strlen(all + i) + 1)
		if (strcmp(all + i, s) == 0)
			return i;
	die("synth: missing string", s);
	return 0;
}

static void synth(const char *cls, const char *endian, const char *out, int relr)
{
	static const char dynstr[] =
		"\0libc.so.6\0libstdc++.so.6\0libsynth.so.1\0SYNTH_1.0\0GLIBC_2.0\0GLIBC_2.17\0GLIBC_2.34"
		"\0GLIBC_PRIVATE\0GLIBC_ABI_DT_RELR\0GLIBCXX_3.4.21\0puts\0memcpy\0getrandom_synth"
		"\0_dl_private_synth\0weak_unversioned\0plain_unversioned\0_ZNSt7synth_cxxEv\0synth_fn";
	static const char shstr[] =
		"\0.dynsym\0.dynstr\0.gnu.version\0.gnu.version_r\0.gnu.version_d\0.hash\0.dynamic\0.shstrtab";
	/* name, versym, bind, defined */
	static const struct {
		const char *name;
		unsigned ver, bind, def;
	} syms[] = {
		{"puts", 3, 1, 0}, {"memcpy", 4, 1, 0}, {"getrandom_synth", 5, 1, 0},
		{"_dl_private_synth", 6, 1, 0}, {"weak_unversioned", 1, 2, 0}, {"plain_unversioned", 1, 1, 0},
		{"_ZNSt7synth_cxxEv", 8, 1, 0}, {"synth_fn", 2, 1, 1},
	};
	const size_t nsym = 1 + sizeof syms / sizeof syms[0];
	const char *libc_vers[] = {"GLIBC_2.0", "GLIBC_2.17", "GLIBC_2.34", "GLIBC_PRIVATE", "GLIBC_ABI_DT_RELR"};
	unsigned nlibc = relr ? 5 : 4;
	size_t ehsz, phsz, syment, o_dynsym, o_dynstr, o_versym, o_vn, o_vd, o_hash, o_dyn, o_shstr, o_sh;
	size_t hw, i, k, dynent, ndyn = 0, dynsz;
	uint16_t machine;

	is64 = strcmp(cls, "64") == 0;
	be = strcmp(endian, "be") == 0;
	if ((!is64 && strcmp(cls, "32") != 0) || (!be && strcmp(endian, "le") != 0))
		die("synth: CLASS is 32 or 64, ENDIAN le or be", NULL);
	machine = is64 ? (be ? 22 : 62) : (be ? 20 : 3); /* s390x, x86-64, ppc, i386 */
	hw = (is64 && machine == 22) ? 8 : 4;            /* s390x has 64-bit .hash words */
	ehsz = is64 ? 64 : 52;
	phsz = is64 ? 56 : 32;
	syment = is64 ? 24 : 16;
	dynent = is64 ? 16 : 8;

	pos = ehsz + 2 * phsz;
	o_dynsym = align_to(8);
	pos += nsym * syment;
	o_dynstr = pos;
	pos += sizeof dynstr;
	o_versym = align_to(2);
	pos += nsym * 2;
	o_vn = align_to(4);
	pos += 16 + 16 * nlibc + 16 + 16;
	o_vd = pos;
	pos += 2 * (20 + 8);
	o_hash = align_to(8);
	pos += hw * (2 + 1 + nsym);
	o_dyn = align_to(8);
	dynsz = 14 * dynent;
	pos += dynsz;
	o_shstr = pos;
	pos += sizeof shstr;
	o_sh = align_to(8);
	pos += 9 * (is64 ? 64 : 40);
	len = pos;
	buf = calloc(1, len);
	if (!buf)
		die("out of memory", NULL);

	/* ELF header */
	memcpy(buf, "\177ELF", 4);
	buf[4] = is64 ? 2 : 1;
	buf[5] = be ? 2 : 1;
	buf[6] = 1;
	wr(16, 2, 3); /* ET_DYN */
	wr(18, 2, machine);
	wr(20, 4, 1);
	wr(is64 ? 32 : 28, A, ehsz);   /* e_phoff */
	wr(is64 ? 40 : 32, A, o_sh);   /* e_shoff */
	wr(is64 ? 52 : 40, 2, ehsz);
	wr(is64 ? 54 : 42, 2, phsz);
	wr(is64 ? 56 : 44, 2, 2);
	wr(is64 ? 58 : 46, 2, is64 ? 64 : 40);
	wr(is64 ? 60 : 48, 2, 9);
	wr(is64 ? 62 : 50, 2, 8);

	/* program headers: PT_LOAD of the whole file, PT_DYNAMIC */
	for (k = 0; k < 2; k++) {
		size_t p = ehsz + k * phsz, off = k ? o_dyn : 0, sz = k ? dynsz : len;
		wr(p, 4, k ? 2 : 1);
		if (is64) {
			wr(p + 4, 4, 4);
			wr(p + 8, 8, off);
			wr(p + 16, 8, BASE + off);
			wr(p + 24, 8, BASE + off);
			wr(p + 32, 8, sz);
			wr(p + 40, 8, sz);
			wr(p + 48, 8, k ? 8 : 0x1000);
		} else {
			wr(p + 4, 4, off);
			wr(p + 8, 4, BASE + off);
			wr(p + 12, 4, BASE + off);
			wr(p + 16, 4, sz);
			wr(p + 20, 4, sz);
			wr(p + 24, 4, 4);
			wr(p + 28, 4, k ? 4 : 0x1000);
		}
	}

	memcpy(buf + o_dynstr, dynstr, sizeof dynstr);
	memcpy(buf + o_shstr, shstr, sizeof shstr);

	/* symbols and their versions */
	for (i = 1; i < nsym; i++) {
		size_t s = o_dynsym + i * syment;
		unsigned info = (syms[i - 1].bind << 4) | 2; /* STT_FUNC */
		wr(s, 4, strs(dynstr, sizeof dynstr, syms[i - 1].name));
		if (is64) {
			buf[s + 4] = (unsigned char)info;
			wr(s + 6, 2, syms[i - 1].def ? 7 : 0);
			wr(s + 8, 8, syms[i - 1].def ? BASE + 0x100 : 0);
		} else {
			wr(s + 4, 4, syms[i - 1].def ? BASE + 0x100 : 0);
			buf[s + 12] = (unsigned char)info;
			wr(s + 14, 2, syms[i - 1].def ? 7 : 0);
		}
		wr(o_versym + i * 2, 2, syms[i - 1].ver);
	}

	/* .gnu.version_r: libc.so.6 (indices 3..), then libstdc++.so.6 (index 8) */
	{
		size_t v = o_vn, a = v + 16;
		wr(v, 2, 1);
		wr(v + 2, 2, nlibc);
		wr(v + 4, 4, strs(dynstr, sizeof dynstr, "libc.so.6"));
		wr(v + 8, 4, 16);
		wr(v + 12, 4, 16 + 16 * nlibc);
		for (k = 0; k < nlibc; k++, a += 16) {
			wr(a + 4, 2, 0);
			wr(a + 6, 2, k < 4 ? 3 + k : 9);
			wr(a + 8, 4, strs(dynstr, sizeof dynstr, libc_vers[k]));
			wr(a + 12, 4, k + 1 < nlibc ? 16 : 0);
		}
		v = a;
		wr(v, 2, 1);
		wr(v + 2, 2, 1);
		wr(v + 4, 4, strs(dynstr, sizeof dynstr, "libstdc++.so.6"));
		wr(v + 8, 4, 16);
		wr(v + 12, 4, 0);
		wr(v + 16 + 6, 2, 8);
		wr(v + 16 + 8, 4, strs(dynstr, sizeof dynstr, "GLIBCXX_3.4.21"));
	}
	/* .gnu.version_d: 1 = the soname (BASE), 2 = SYNTH_1.0 */
	for (k = 0; k < 2; k++) {
		size_t d = o_vd + k * 28;
		wr(d, 2, 1);
		wr(d + 2, 2, k ? 0 : 1);
		wr(d + 4, 2, k + 1);
		wr(d + 6, 2, 1);
		wr(d + 12, 4, 20);
		wr(d + 16, 4, k ? 0 : 28);
		wr(d + 20, 4, strs(dynstr, sizeof dynstr, k ? "SYNTH_1.0" : "libsynth.so.1"));
	}
	/* .hash: one bucket, empty chains: enough for the symbol count */
	wr(o_hash, hw, 1);
	wr(o_hash + hw, hw, nsym);

	/* .dynamic */
	{
		const uint64_t tags[][2] = {
			{1, strs(dynstr, sizeof dynstr, "libc.so.6")},
			{14, strs(dynstr, sizeof dynstr, "libsynth.so.1")},
			{4, BASE + o_hash}, {5, BASE + o_dynstr}, {6, BASE + o_dynsym}, {10, sizeof dynstr},
			{11, syment}, {0x6ffffff0, BASE + o_versym}, {0x6ffffffe, BASE + o_vn}, {0x6fffffff, 2},
			{0x6ffffffc, BASE + o_vd}, {0x6ffffffd, 2}, {0, 0},
		};
		for (k = 0; k < sizeof tags / sizeof tags[0]; k++, ndyn++) {
			wr(o_dyn + k * dynent, A, tags[k][0]);
			wr(o_dyn + k * dynent + A, A, tags[k][1]);
		}
	}

	/* section headers */
	{
		const struct {
			const char *name;
			uint32_t type;
			size_t off, size;
			unsigned link, info, ent, align;
		} sec[] = {
			{".dynsym", 11, o_dynsym, nsym * syment, 2, 1, (unsigned)syment, 8},
			{".dynstr", 3, o_dynstr, sizeof dynstr, 0, 0, 0, 1},
			{".gnu.version", 0x6fffffff, o_versym, nsym * 2, 1, 0, 2, 2},
			{".gnu.version_r", 0x6ffffffe, o_vn, 16 + 16 * nlibc + 32, 2, 2, 0, 4},
			{".gnu.version_d", 0x6ffffffd, o_vd, 56, 2, 2, 0, 4},
			{".hash", 5, o_hash, hw * (2 + 1 + nsym), 1, 0, (unsigned)hw, 8},
			{".dynamic", 6, o_dyn, dynsz, 2, 0, (unsigned)dynent, 8},
			{".shstrtab", 3, o_shstr, sizeof shstr, 0, 0, 0, 1},
		};
		for (k = 0; k < 8; k++) {
			size_t h = o_sh + (k + 1) * (is64 ? 64 : 40);
			wr(h, 4, strs(shstr, sizeof shstr, sec[k].name));
			wr(h + 4, 4, sec[k].type);
			wr(h + 8, A, sec[k].type == 3 && k == 7 ? 0 : 2); /* SHF_ALLOC */
			wr(h + (is64 ? 16 : 12), A, sec[k].type == 3 && k == 7 ? 0 : BASE + sec[k].off);
			wr(h + (is64 ? 24 : 16), A, sec[k].off);
			wr(h + (is64 ? 32 : 20), A, sec[k].size);
			wr(h + (is64 ? 40 : 24), 4, sec[k].link);
			wr(h + (is64 ? 44 : 28), 4, sec[k].info);
			wr(h + (is64 ? 48 : 32), A, sec[k].align);
			wr(h + (is64 ? 56 : 36), A, sec[k].ent);
		}
	}
	save(out);
}

int main(int argc, char **argv)
{
	int i;
	if (argc >= 3 && strcmp(argv[1], "get") == 0) {
		load(argv[2]);
		for (i = 3; i < argc; i++)
			printf("%llu\n", (unsigned long long)get(argv[i]));
		return 0;
	}
	if (argc >= 4 && strcmp(argv[1], "set") == 0) {
		load(argv[2]);
		for (i = 4; i < argc; i++)
			set(argv[i]);
		save(argv[3]);
		return 0;
	}
	if ((argc == 5 || argc == 6) && strcmp(argv[1], "synth") == 0) {
		synth(argv[2], argv[3], argv[4], argc == 6 && strcmp(argv[5], "relr") == 0);
		return 0;
	}
	fprintf(stderr, "usage: elfmangle get FILE FIELD... | set IN OUT FIELD=VALUE... | "
			"synth 32|64 le|be OUT [relr]\n");
	return 2;
}
