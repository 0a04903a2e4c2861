/*
 * csv_parse_count — the C baseline of the import stage: libcsv's raw parse of a roster, counting
 * records and fields (TOOLCHAIN.md's `cparse`). Strict mode (CSV_STRICT | CSV_STRICT_FINI), every return
 * code checked, 1 MiB read(2) chunks, a UTF-8 BOM skipped, libcsv's own space test (the fastest way it parses:
 * without a space function it tests for space and tab inline; the benchmark rosters have no blanks to trim).
 *
 *   csv_parse_count FILE                   parse the bytes as they are (UTF-8, or GBK bytes directly:
 *                                          GBK/GB18030 trail bytes never equal , " CR LF)
 *   csv_parse_count FILE --iconv GB18030   transcode to UTF-8 with iconv(3) first, as a reader that
 *                                          hands out text must
 *
 * Prints `records=… fields=… bytes=…` on stdout. Exit 0 on success, 1 on a parse or I/O error.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (1 << 20)

struct counts {
    unsigned long long records, fields;
};

static void on_field(void *field, size_t len, void *data) {
    (void)field;
    (void)len;
    ((struct counts *)data)->fields++;
}

static void on_record(int terminator, void *data) {
    (void)terminator;
    ((struct counts *)data)->records++;
}

static int parse(struct csv_parser *p, const char *buf, size_t len, struct counts *c) {
    if (csv_parse(p, buf, len, on_field, on_record, c) != len) {
        fprintf(stderr, "csv_parse: %s near record %llu\n", csv_strerror(csv_error(p)), c->records + 1);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2 && !(argc == 4 && strcmp(argv[2], "--iconv") == 0)) {
        fprintf(stderr, "usage: %s FILE [--iconv ENCODING]\n", argv[0]);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    iconv_t cd = (iconv_t)-1;
    if (argc == 4) {
        cd = iconv_open("UTF-8", argv[3]);
        if (cd == (iconv_t)-1) {
            perror("iconv_open");
            return 1;
        }
    }
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fprintf(stderr, "csv_init failed\n");
        return 1;
    }

    char *in = malloc(CHUNK + 16);
    char *out = malloc(4 * CHUNK + 64);
    if (!in || !out) return 1;
    struct counts counts = {0, 0};
    unsigned long long total = 0;
    size_t carry = 0; /* bytes of a character split across chunks, kept at the front of `in` */
    int first = 1, status = 0;
    for (;;) {
        ssize_t n = read(fd, in + carry, CHUNK);
        if (n < 0) {
            perror("read");
            status = 1;
            break;
        }
        if (n == 0) break;
        total += (unsigned long long)n;
        char *data = in;
        size_t len = carry + (size_t)n;
        if (first) {
            first = 0;
            if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
                data += 3;
                len -= 3;
            }
        }
        if (cd == (iconv_t)-1) {
            if (parse(&parser, data, len, &counts) != 0) { status = 1; break; }
            continue;
        }
        char *src = data, *dst = out;
        size_t src_left = len, dst_left = 4 * CHUNK + 64;
        while (src_left > 0) {
            if (iconv(cd, &src, &src_left, &dst, &dst_left) != (size_t)-1) break;
            if (errno == EINVAL) break; /* partial character at the end: carry it over */
            if (errno == EILSEQ) {       /* count nothing, replace with U+FFFD, go on */
                memcpy(dst, "\xEF\xBF\xBD", 3);
                dst += 3;
                dst_left -= 3;
                src++;
                src_left--;
                continue;
            }
            perror("iconv");
            status = 1;
            break;
        }
        if (status) break;
        memmove(in, src, src_left);
        carry = src_left;
        if (parse(&parser, out, (size_t)(dst - out), &counts) != 0) { status = 1; break; }
    }
    if (status == 0 && csv_fini(&parser, on_field, on_record, &counts) != 0) {
        fprintf(stderr, "csv_fini: %s\n", csv_strerror(csv_error(&parser)));
        status = 1;
    }
    csv_free(&parser);
    if (cd != (iconv_t)-1) iconv_close(cd);
    close(fd);
    free(in);
    free(out);
    if (status == 0) printf("records=%llu fields=%llu bytes=%llu\n", counts.records, counts.fields, total);
    return status;
}
