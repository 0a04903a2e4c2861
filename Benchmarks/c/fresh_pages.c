/*
 * How much a first touch of memory costs on this machine: maps MB megabytes, writes one byte per page, unmaps;
 * again at once (pages the kernel just got back); then after SLEEP seconds, twice more. On a VM whose host backs
 * memory lazily, the first and third rounds are the slow ones. HUGE=1 asks for transparent huge pages.
 *
 *   gcc -O2 -o /tmp/fresh_pages Benchmarks/c/fresh_pages.c && /tmp/fresh_pages 3000 8
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int touch_round(size_t megabytes, const char *label) {
    size_t bytes = megabytes << 20;
    double start = now();
    char *pages = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    if (getenv("HUGE")) madvise(pages, bytes, MADV_HUGEPAGE);
    for (size_t offset = 0; offset < bytes; offset += 4096) pages[offset] = 1;
    double elapsed = now() - start;
    munmap(pages, bytes);
    printf("%-12s %zu MB in %.2f s (%.2f s/GB)\n", label, megabytes, elapsed, elapsed * 1024 / megabytes);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s MB SLEEP_SECONDS\n", argv[0]);
        return 2;
    }
    size_t megabytes = strtoul(argv[1], NULL, 10);
    if (megabytes == 0) {
        fprintf(stderr, "MB must be a positive number\n");
        return 2;
    }
    if (touch_round(megabytes, "first") || touch_round(megabytes, "again")) return 1;
    sleep((unsigned)atoi(argv[2]));
    if (touch_round(megabytes, "after sleep") || touch_round(megabytes, "again")) return 1;
    return 0;
}
