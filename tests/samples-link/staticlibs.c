/* Debian's static libssl, libcrypto, libsqlite3 and libz in one program, none of them compiled with
 * floorcompat's header: they reference exp/log/pow, fcntl64 ... by their plain names. */
#include <math.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

static int row(void *out, int n, char **v, char **names)
{
  (void)names;
  for (int i = 0; i < n; i++) printf("sqlite: %s\n", v[i] ? v[i] : "NULL");
  (void)out;
  return 0;
}

int main(void)
{
  static const char text[] = "floorcompat: the whole link at the floor";
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0;
  if (!EVP_Digest(text, strlen(text), md, &mdlen, EVP_sha256(), NULL)) return 1;
  printf("sha256: ");
  for (unsigned int i = 0; i < mdlen; i++) printf("%02x", md[i]);
  printf("\n");
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  printf("ssl: context %s\n", ctx ? "created" : "failed");
  SSL_CTX_free(ctx);

  unsigned char z[256], back[256];
  uLongf zlen = sizeof z, blen = sizeof back;
  if (compress2(z, &zlen, (const Bytef *)text, sizeof text, 9) != Z_OK) return 1;
  if (uncompress(back, &blen, z, zlen) != Z_OK) return 1;
  printf("zlib: round trip %s, crc32 %08lx\n", memcmp(back, text, sizeof text) ? "differs" : "ok",
         crc32(0, (const Bytef *)text, sizeof text - 1));

  sqlite3 *db;
  char *err = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  if (sqlite3_exec(db, "create table t(x real); insert into t values (2.5), (0.5);"
                       "select printf('%.6f', sum(x) * avg(x)) from t;", row, NULL, &err) != SQLITE_OK) {
    printf("sqlite: %s\n", err);
    return 1;
  }
  sqlite3_close(db);
  volatile double x = 2.0;
  printf("libm: exp %.6f log %.6f pow %.6f\n", exp(x), log(x), pow(x, 0.5));
  return 0;
}
