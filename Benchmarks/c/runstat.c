/*
 * runstat — runs a command and reports its wall time, CPU time and peak memory, for Benchmarks/run.py.
 *
 *   runstat STATFILE COMMAND [ARG…]
 *
 * Writes `wall_s user_s sys_s maxrss_kb exit_code` to STATFILE and exits with the command's status.
 * A tiny launcher is used instead of timing from Python directly because Linux carries the peak RSS of a
 * forked parent over into the child's ru_maxrss: forked from a 17 MB Python, every child would report at
 * least 17 MB. Forked from this program, the floor is about 1 MB.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s STATFILE COMMAND [ARG...]\n", argv[0]);
        return 125;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 125;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("wait4");
        return 125;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 125;
    }
    fprintf(out, "%.6f %.6f %.6f %ld %d\n", wall, (double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6,
            (double)usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6, usage.ru_maxrss, code);
    fclose(out);
    return code;
}
