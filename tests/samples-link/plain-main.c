int plain_report(const char *path);
int main(void) { return plain_report("/"); }
