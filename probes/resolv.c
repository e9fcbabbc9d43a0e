/* resolv probe: res_init, res_mkquery, dn_expand, dn_skipname, res_query (libresolv.so.2 before
 * glibc 2.34; res_query & co. are @GLIBC_2.34 names in libc since); with -DPROBE_NS_PARSE also
 * ns_initparse/ns_parserr, which stayed in libresolv.so.2. res_query asks a tiny
 * DNS responder that the probe runs itself on 127.0.0.1 (a forked child on a UDP port of the
 * loopback): it answers A queries for probe.example with 192.0.2.7. Nothing leaves loopback.
 * Success: exit 0, last line "resolv: ok". Any failure: a message and exit 1. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, what)                                                     \
  do {                                                                        \
    if (!(cond)) {                                                            \
      fprintf(stderr, "resolv: FAIL %s (line %d)\n", what, __LINE__);         \
      failures++;                                                             \
    }                                                                         \
  } while (0)

/* The responder: answers every query it gets (until killed, at most 20 s) by echoing the question;
 * an A question gets one answer, 192.0.2.7 with TTL 300, anything else an empty NOERROR reply. */
static void responder(int s)
{
  unsigned char q[512], r[512];
  struct sockaddr_in from;
  socklen_t fl;
  ssize_t n;
  size_t qend, rn;
  unsigned qtype;

  alarm(20);
  for (;;) {
    fl = sizeof from;
    n = recvfrom(s, q, sizeof q, 0, (struct sockaddr *)&from, &fl);
    if (n < 12)
      continue;
    /* Skip the question name (no compression in queries), then QTYPE and QCLASS. */
    qend = 12;
    while (qend < (size_t)n && q[qend] != 0)
      qend += q[qend] + 1;
    qend += 5;
    if (qend > (size_t)n)
      continue;
    qtype = (unsigned)q[qend - 4] << 8 | q[qend - 3];
    memcpy(r, q, qend);
    r[2] = 0x80 | (q[2] & 0x79); /* QR, opcode and RD copied */
    r[3] = 0x80;                 /* RA, RCODE 0 */
    r[4] = 0, r[5] = 1;          /* QDCOUNT */
    r[6] = 0, r[7] = qtype == 1; /* ANCOUNT */
    memset(r + 8, 0, 4);         /* NSCOUNT, ARCOUNT (drops any EDNS record) */
    rn = qend;
    if (qtype == 1) {
      static const unsigned char ans[] = { 0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0x01, 0x2c, 0, 4, 192, 0, 2, 7 };
      memcpy(r + rn, ans, sizeof ans);
      rn += sizeof ans;
    }
    sendto(s, r, rn, 0, (struct sockaddr *)&from, fl);
  }
}

int main(void)
{
  unsigned char query[512], answer[512];
  char name[NS_MAXDNAME];
  struct sockaddr_in sin;
  socklen_t sl = sizeof sin;
#ifdef PROBE_NS_PARSE
  ns_msg msg;
  ns_rr rr;
#endif
  pid_t pid;
  int s, n, status, qlen;
  const unsigned char *rd;

  /* res_mkquery and dn_expand need no network. */
  CHECK(res_init() == 0, "res_init");
  qlen = res_mkquery(QUERY, "probe.example", C_IN, T_A, NULL, 0, NULL, query, sizeof query);
  CHECK(qlen == 12 + 15 + 4, "res_mkquery length");
  if (qlen > 0) {
    CHECK((query[2] >> 3 & 0xf) == 0 && query[4] == 0 && query[5] == 1, "res_mkquery header: QUERY, 1 question");
    n = dn_expand(query, query + qlen, query + 12, name, sizeof name);
    CHECK(n == 15 && strcmp(name, "probe.example") == 0, "dn_expand of the question");
    CHECK(query[12 + n] == 0 && query[13 + n] == T_A && query[14 + n] == 0 && query[15 + n] == C_IN,
          "question type and class");
    printf("resolv: res_mkquery: %d bytes, question %s type A class IN\n", qlen, name);
  }

  /* The responder, on an ephemeral port of 127.0.0.1. */
  s = socket(AF_INET, SOCK_DGRAM, 0);
  memset(&sin, 0, sizeof sin);
  sin.sin_family = AF_INET;
  sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (s < 0 || bind(s, (struct sockaddr *)&sin, sizeof sin) != 0 || getsockname(s, (struct sockaddr *)&sin, &sl) != 0) {
    perror("resolv: FAIL loopback UDP socket");
    return 1;
  }
  fflush(stdout);
  pid = fork();
  if (pid < 0) {
    perror("resolv: FAIL fork");
    return 1;
  }
  if (pid == 0) {
    responder(s);
    _exit(0);
  }
  close(s);

  /* Point the resolver at it, and only at it. */
  _res.nscount = 1;
  _res.nsaddr_list[0] = sin;
  _res.retrans = 2;
  _res.retry = 2;
  _res.options &= ~(RES_DNSRCH | RES_DEFNAMES);
  n = res_query("probe.example", C_IN, T_A, answer, sizeof answer);
  CHECK(n > 0, "res_query");
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  if (n <= 0) {
    fprintf(stderr, "resolv: res_query failed: h_errno %d\n", h_errno);
    return 1;
  }
  printf("resolv: res_query: %d bytes\n", n);

#ifdef PROBE_NS_PARSE
  /* With libresolv's own parser (ns_initparse & co. never moved into libc). */
  CHECK(ns_initparse(answer, n, &msg) == 0, "ns_initparse");
  CHECK(ns_msg_count(msg, ns_s_qd) == 1 && ns_msg_count(msg, ns_s_an) == 1, "one question, one answer");
  CHECK(ns_msg_getflag(msg, ns_f_qr) == 1 && ns_msg_getflag(msg, ns_f_rcode) == ns_r_noerror, "a NOERROR response");
  CHECK(ns_parserr(&msg, ns_s_an, 0, &rr) == 0, "ns_parserr");
  rd = ns_rr_rdata(rr);
  CHECK(ns_rr_type(rr) == ns_t_a && ns_rr_class(rr) == ns_c_in && ns_rr_ttl(rr) == 300 && ns_rr_rdlen(rr) == 4,
        "an A record, class IN, TTL 300");
  CHECK(strcmp(ns_rr_name(rr), "probe.example") == 0, "the answer's owner name");
  CHECK(rd[0] == 192 && rd[1] == 0 && rd[2] == 2 && rd[3] == 7, "the address 192.0.2.7");
  printf("resolv: answer: %s %s %u A %u.%u.%u.%u\n", ns_rr_name(rr), ns_rr_class(rr) == ns_c_in ? "IN" : "?",
         (unsigned)ns_rr_ttl(rr), rd[0], rd[1], rd[2], rd[3]);
#else
  /* By hand, with dn_expand and dn_skipname: header, question, then one A record. */
  {
    const unsigned char *p = answer + 12, *end = answer + n;
    unsigned type, class, ttl, rdlen;
    CHECK(n >= 12 && (answer[2] & 0x80) && (answer[3] & 0xf) == 0, "a NOERROR response");
    CHECK(answer[4] == 0 && answer[5] == 1 && answer[6] == 0 && answer[7] == 1, "one question, one answer");
    n = dn_skipname(p, end);
    CHECK(n > 0, "dn_skipname of the question");
    p += n > 0 ? n + 4 : 0;
    n = dn_expand(answer, end, p, name, sizeof name);
    CHECK(n > 0 && strcmp(name, "probe.example") == 0, "dn_expand of the answer's owner name (compressed)");
    p += n > 0 ? n : 0;
    CHECK(p + 14 <= end, "the answer record fits");
    if (p + 14 > end)
      return 1;
    type = (unsigned)p[0] << 8 | p[1];
    class = (unsigned)p[2] << 8 | p[3];
    ttl = (unsigned)p[4] << 24 | (unsigned)p[5] << 16 | (unsigned)p[6] << 8 | p[7];
    rdlen = (unsigned)p[8] << 8 | p[9];
    rd = p + 10;
    CHECK(type == ns_t_a && class == ns_c_in && ttl == 300 && rdlen == 4, "an A record, class IN, TTL 300");
    CHECK(rd[0] == 192 && rd[1] == 0 && rd[2] == 2 && rd[3] == 7, "the address 192.0.2.7");
    printf("resolv: answer: %s %s %u A %u.%u.%u.%u\n", name, class == ns_c_in ? "IN" : "?", ttl, rd[0], rd[1],
           rd[2], rd[3]);
  }
#endif

  if (failures) {
    fprintf(stderr, "resolv: %d failure(s)\n", failures);
    return 1;
  }
  printf("resolv: ok\n");
  return 0;
}
