/* impl/resolv.h - the resolv family: res_query & co. and dn_expand & co., functions of their own
 * names since 2.34. Older headers made each name a macro for __NAME (<resolv.h>, <arpa/nameser.h>),
 * the symbol the floor's libresolv.so.2 exports; newer headers call the plain name, which the floor
 * lacks. Each is defined here over __NAME (same arguments, same answers), so that objects compiled
 * against new headers, with or without floorcompat.h, link at the floor. The state of the res_n*
 * forms (res_state, a pointer) travels as void *. */
#ifndef FLOORCOMPAT_IMPL_RESOLV_H
#define FLOORCOMPAT_IMPL_RESOLV_H 1
#if !FLOORCOMPAT_HAVE_RES_QUERY
#ifdef __cplusplus
extern "C" {
#endif
typedef unsigned char floorcompat__uchar;
/* X(name, params, args): every one returns int. */
#define FLOORCOMPAT__RESOLV(X) \
  X(res_query, (const char *d, int c, int t, floorcompat__uchar *a, int n), (d, c, t, a, n)) \
  X(res_search, (const char *d, int c, int t, floorcompat__uchar *a, int n), (d, c, t, a, n)) \
  X(res_querydomain, (const char *d, const char *m, int c, int t, floorcompat__uchar *a, int n), (d, m, c, t, a, n)) \
  X(res_mkquery, (int o, const char *d, int c, int t, const floorcompat__uchar *q, int ql, \
                  const floorcompat__uchar *rr, floorcompat__uchar *b, int bl), (o, d, c, t, q, ql, rr, b, bl)) \
  X(res_send, (const floorcompat__uchar *m, int ml, floorcompat__uchar *a, int n), (m, ml, a, n)) \
  X(res_nquery, (void *s, const char *d, int c, int t, floorcompat__uchar *a, int n), (s, d, c, t, a, n)) \
  X(res_nsearch, (void *s, const char *d, int c, int t, floorcompat__uchar *a, int n), (s, d, c, t, a, n)) \
  X(res_nquerydomain, (void *s, const char *d, const char *m, int c, int t, floorcompat__uchar *a, int n), \
    (s, d, m, c, t, a, n)) \
  X(res_nmkquery, (void *s, int o, const char *d, int c, int t, const floorcompat__uchar *q, int ql, \
                   const floorcompat__uchar *rr, floorcompat__uchar *b, int bl), (s, o, d, c, t, q, ql, rr, b, bl)) \
  X(res_nsend, (void *s, const floorcompat__uchar *m, int ml, floorcompat__uchar *a, int n), (s, m, ml, a, n)) \
  X(res_hnok, (const char *d), (d)) \
  X(res_ownok, (const char *d), (d)) \
  X(res_mailok, (const char *d), (d)) \
  X(res_dnok, (const char *d), (d)) \
  X(dn_expand, (const floorcompat__uchar *m, const floorcompat__uchar *e, const floorcompat__uchar *p, char *d, int n), \
    (m, e, p, d, n)) \
  X(dn_comp, (const char *s, floorcompat__uchar *d, int n, floorcompat__uchar **dp, floorcompat__uchar **lp), \
    (s, d, n, dp, lp)) \
  X(dn_skipname, (const floorcompat__uchar *p, const floorcompat__uchar *e), (p, e))
/* NAME over the floor's __NAME (FLOORCOMPAT__FORWARD). */
#define FLOORCOMPAT__RESOLVDEF(name, params, args) FLOORCOMPAT__FORWARD(name, "__" #name, int, params, args)
FLOORCOMPAT__RESOLV(FLOORCOMPAT__RESOLVDEF)
#undef FLOORCOMPAT__RESOLVDEF
#ifdef __cplusplus
}
#endif
#endif
#endif
