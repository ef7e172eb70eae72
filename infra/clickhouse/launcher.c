/*
 * clickhouse-launcher: runs the full clickhouse-local that libchdb.so (chDB, ClickHouse 26.7) embeds.
 * Built by infra/bin/clickhouse.sh with: gcc launcher.c -L<dir> -l:libchdb.so -Wl,-rpath,<dir>
 * Prototypes as exported by libchdb.so (checked with nm -D; signatures from chdb's chdb.h).
 * In this command-line mode clickhouse-local prints query errors to stderr itself and leaves the result's
 * error empty, so the exit status is 0 even after a failed query: watch stderr (the server log), not $?.
 */
#include <stdio.h>
#include <stddef.h>

typedef struct chdb_result chdb_result;
extern chdb_result *chdb_query_cmdline(int argc, char **argv);
extern char *chdb_result_buffer(chdb_result *result);
extern size_t chdb_result_length(chdb_result *result);
extern const char *chdb_result_error(chdb_result *result);
extern void chdb_destroy_query_result(chdb_result *result);

int main(int argc, char **argv) {
    chdb_result *result = chdb_query_cmdline(argc, argv);
    if (result == NULL) { fputs("clickhouse-launcher: chdb_query_cmdline returned NULL\n", stderr); return 2; }
    const char *error = chdb_result_error(result);
    size_t length = chdb_result_length(result);
    if (length > 0) fwrite(chdb_result_buffer(result), 1, length, stdout);
    int rc = 0;
    if (error != NULL && error[0] != '\0') { fprintf(stderr, "%s\n", error); rc = 1; }
    fflush(stdout);
    chdb_destroy_query_result(result);
    return rc;
}
