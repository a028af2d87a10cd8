/* bare: the reference consumer of perf/sensor/overhead.sh. Loads bare.bpf.c's two programs (openat only), polls
 * the BPF ringbuf the way sluice-loader does (adaptive wake-up, 20 ms timeout, sleeping when idle) and writes each
 * record as it is, raw bytes, to a file through a 1 MiB stdio buffer. No decoding, no encoding, no engine: the floor.
 *   bare OUTPUT          prints "ready" once attached; on SIGTERM/SIGINT drains and prints "bare: N events, M lost"
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include "bare.skel.h"

static volatile sig_atomic_t stopping;
static FILE *out;
static unsigned long long received;

static void on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static int on_record(void *ctx, void *data, size_t size)
{
    (void)ctx;
    fwrite(data, 1, size, out);
    received++;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bare OUTPUT\n");
        return 2;
    }
    out = fopen(argv[1], "w");
    if (!out) {
        fprintf(stderr, "bare: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    static char buffer[1 << 20];
    setvbuf(out, buffer, _IOFBF, sizeof(buffer));
    struct sigaction action = {0};
    action.sa_handler = on_signal;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    struct bare_bpf *skel = bare_bpf__open();
    if (!skel)
        return 1;
    skel->rodata->target_nr = SYS_openat;
    skel->rodata->exclude_tgid = (unsigned)getpid();
    if (bare_bpf__load(skel) || bare_bpf__attach(skel)) {
        fprintf(stderr, "bare: cannot load or attach the programs\n");
        return 1;
    }
    struct ring_buffer *rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_record, NULL, NULL);
    if (!rb)
        return 1;
    printf("ready\n");
    fflush(stdout);
    while (!stopping) {
        int n = ring_buffer__poll(rb, 20);
        if (n < 0 && n != -EINTR)
            break;
        ring_buffer__consume(rb);
    }
    bare_bpf__detach(skel);
    ring_buffer__consume(rb);
    fflush(out);
    int cpus = libbpf_num_possible_cpus();
    unsigned long long values[cpus], lost = 0;
    unsigned zero = 0;
    if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.lost), &zero, values) == 0)
        for (int i = 0; i < cpus; i++)
            lost += values[i];
    printf("bare: %llu events, %llu lost\n", received, lost);
    fflush(stdout);
    ring_buffer__free(rb);
    bare_bpf__destroy(skel);
    fclose(out);
    return 0;
}
