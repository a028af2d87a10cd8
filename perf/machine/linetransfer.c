/* What this machine charges for a cache line handed from one CPU to another: two threads, pinned to CPUs A and B,
 * take turns writing one line (each waits to see the other's write, then writes), N times each.
 *   linetransfer [N] [A] [B]      defaults: 1000000, 0, 1
 * Prints one line: the nanoseconds of one hand-over (a round trip is two). On a VM this is the host's placement of the
 * two vCPUs (the same core's siblings, the same L3, or farther apart) more than the guest's: the pipeline's rings hand
 * each event's record between threads on different CPUs, so every pipeline figure moves with it
 * (docs/performance-log.md, "Sixteenth pass"). */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static _Alignas(64) atomic_long line;
static long turns;
static int cpu_b;

static int pin(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

static void *answer(void *unused)
{
    (void)unused;
    pin(cpu_b); /* checked by main before */
    for (long i = 0; i < turns; i++) {
        while (atomic_load_explicit(&line, memory_order_acquire) != 2 * i + 1)
            ;
        atomic_store_explicit(&line, 2 * i + 2, memory_order_release);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    turns = argc > 1 ? atol(argv[1]) : 1000000;
    const int cpu_a = argc > 2 ? atoi(argv[2]) : 0;
    cpu_b = argc > 3 ? atoi(argv[3]) : 1;
    if (turns <= 0 || cpu_a == cpu_b) {
        fprintf(stderr, "linetransfer: N must be positive and the two CPUs different (usage: linetransfer [N] [A] [B])\n");
        return 2;
    }
    /* both CPUs tried from this thread first: a second thread that cannot run where asked would never answer */
    if (pin(cpu_b) != 0 || pin(cpu_a) != 0) {
        fprintf(stderr, "linetransfer: cannot run on CPUs %d and %d\n", cpu_a, cpu_b);
        return 2;
    }
    pthread_t other;
    if (pthread_create(&other, NULL, answer, NULL) != 0) {
        fprintf(stderr, "linetransfer: cannot start the second thread\n");
        return 1;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < turns; i++) {
        atomic_store_explicit(&line, 2 * i + 1, memory_order_release);
        while (atomic_load_explicit(&line, memory_order_acquire) != 2 * i + 2)
            ;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    pthread_join(other, NULL);
    const double ns = (end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec);
    printf("%.1f\n", ns / turns / 2);
    return 0;
}
