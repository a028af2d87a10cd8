/* sluice-loader: loads Sluice's eBPF programs, polls their BPF ringbuf and writes each record as an SBE KernelEvent
 * into the engine's Agrona ring (a file the engine created). Kernel-side losses become Loss records.
 *
 *   sluice-loader --ring FILE --events SELECTION [--pid N]... [--comm NAME]... [--uid N]...
 *                 [--exec-env] [--user-stack] [--track-processes] [--tree-argv] [--ringbuf-bytes N] [--verbose]
 *   sluice-loader --ring FILE --self-test COUNT
 *
 * SELECTION is comma-separated: ID for the scheduler events (1014 fork, 1015 exec, 1016 exit) and the derived events
 * (derived_events below: Tracee's LSM and container events, docs/sensor.md), ID:NR:TYPES for a
 * syscall event (TYPES: one letter per argument: i int32, l int64, u uint32, U uint64, s string, a string array,
 * k sockaddr, A int[2] filled by the syscall, b bool, x not captured).
 *
 * Contract with the engine (docs/sensor.md): prints "ready" on stdout once attached; wakes the engine's ingest asleep
 * on the empty ring (a futex wake on the ring's doorbell word, taken back first; agrona_ring.h); one line on
 * stderr and exit 1 on failure; exit 2 on usage errors; exits on SIGTERM/SIGINT after draining, and when its
 * parent dies. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <linux/futex.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "agrona_ring.h"
#include "kernel_rings.h"
#include "sluice_record.h"
#include "sluice.skel.h"
#include "net_capture.h"

#define MAX_CPUS 4096   /* the most CPUs whose network losses are followed */
#include "io_sluice_codec_sbe/kernelEvent.h"
#include "io_sluice_codec_sbe/loss.h"
#include "io_sluice_codec_sbe/messageHeader.h"

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2
#define MAX_SCOPE 256
#define OUT_CAPACITY (64 * 1024)
#define LOADER_CPU 0xffffffffu /* Loss records for what the loader itself could not deliver */
#define STOP_DRAIN_NANOS (5LL * 1000 * 1000 * 1000)
#define MAX_EVENTS 1024             /* every syscall of the catalog and the scheduler events */
#define MAX_EVENT_ID 8192           /* event ids the loader indexes directly (the catalog's are below 6000) */
/* The wait for records: the programs wake the loader only once 64 KiB are pending (wakeup_bytes), so the epoll
 * timeout bounds how long a record may wait in the kernel ring: POLL_BUSY_MS while records come; once none has come
 * for QUIET_NANOS the timeout doubles on each empty wake-up up to POLL_QUIET_MS, and the first record brings it back
 * (docs/performance-log.md, "Memory: the loader's ring mapping"). */
#define POLL_BUSY_MS 20
#define EXIT_DRAIN_NANOS (100LL * 1000 * 1000)
#define RING_EVERY 256              /* records delivered between two looks at the shared ring's doorbell */
#define POLL_QUIET_MS 200
#define QUIET_NANOS (1000LL * 1000 * 1000)

struct selected_event {
    uint32_t id;
    int32_t nr;          /* -1: scheduler event */
    uint8_t nargs;
    uint8_t types[6];
};

struct options {
    const char *ring_path;
    struct selected_event events[MAX_EVENTS];
    int event_count;
    bool events_given;   /* an empty selection (only syscalls this architecture lacks) is still one */
    uint32_t pids[MAX_SCOPE];
    int pid_count;
    char comms[MAX_SCOPE][16];
    int comm_count;
    uint32_t uids[MAX_SCOPE];
    int uid_count;
    bool exec_env;
    bool user_stack;
    bool track_processes;
    bool tree_argv;
    long ringbuf_bytes;
    long self_test;
    bool verbose;
};

static volatile sig_atomic_t stopping;
static struct sl_ring ring;
static struct options opts;
static int64_t boot_to_epoch;        /* CLOCK_REALTIME - CLOCK_BOOTTIME */
static uint8_t out[OUT_CAPACITY];
static uint8_t list_scratch[SL_HALF * 2];
static uint64_t delivered;
static uint64_t loader_lost;
static char libbpf_last[512];
static int16_t event_index[MAX_EVENT_ID];   /* event id -> index into opts.events + 1; 0: not selected */

static void fail(int code, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("sluice-loader: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    exit(code);
}

static int libbpf_print(enum libbpf_print_level level, const char *format, va_list args)
{
    if (opts.verbose)
        return vfprintf(stderr, format, args);
    if (level == LIBBPF_WARN) {
        vsnprintf(libbpf_last, sizeof(libbpf_last), format, args);
        size_t n = strlen(libbpf_last);
        while (n > 0 && (libbpf_last[n - 1] == '\n' || libbpf_last[n - 1] == ' '))
            libbpf_last[--n] = 0;
    }
    return 0;
}

static void on_signal(int signal)
{
    (void)signal;
    stopping = 1;
}

static int64_t now_nanos(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long parse_long(const char *option, const char *text, long min, long max)
{
    char *end = NULL;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != 0 || value < min || value > max)
        fail(EXIT_USAGE, "%s: expected an integer in [%ld, %ld], got '%s'", option, min, max, text);
    return value;
}

/* The derived events (Tracee's LSM and container events, docs/sensor.md): their number of arguments, as the catalog
 * has them, and the syscalls they are derived from with what each derives (SL_DERIVE_*). */
struct derived_event {
    uint32_t id;
    uint8_t nargs;
};

static const struct derived_event derived_events[] = {
    {SL_EVENT_MEM_PROT_ALERT, 9}, {SL_EVENT_MAGIC_WRITE, 5}, {SL_EVENT_BPRM_CHECK, 5}, {SL_EVENT_FILE_OPEN, 6},
    {SL_EVENT_INODE_UNLINK, 4}, {SL_EVENT_SOCKET_CONNECT, 3}, {SL_EVENT_SOCKET_ACCEPT, 2}, {SL_EVENT_SOCKET_BIND, 2},
    {SL_EVENT_SB_MOUNT, 4}, {SL_EVENT_FILE_MPROTECT, 7}, {SL_EVENT_INODE_RENAME, 2}, {SL_EVENT_CONTAINER_CREATE, 10},
    {SL_EVENT_CONTAINER_REMOVE, 2}, {SL_EVENT_SCHED_SWITCH, 5}, {SL_EVENT_VFS_WRITE, 6}, {SL_EVENT_VFS_WRITEV, 6},
    {SL_EVENT_VFS_READ, 6}, {SL_EVENT_VFS_READV, 6}, {SL_EVENT_SWITCH_TASK_NS, 7}, {SL_EVENT_CGROUP_ATTACH_TASK, 3},
    {SL_EVENT_CGROUP_MKDIR, 3}, {SL_EVENT_CGROUP_RMDIR, 3}, {SL_EVENT_SOCKET_CREATE, 4}, {SL_EVENT_SOCKET_LISTEN, 3},
    {SL_EVENT_SOCKET_SETSOCKOPT, 4}, {SL_EVENT_BPF, 1}, {SL_EVENT_BPF_MAP, 2}, {SL_EVENT_INODE_MKNOD, 3},
    {SL_EVENT_INODE_SYMLINK, 2}, {SL_EVENT_MMAP_FILE, 7}, {SL_EVENT_SOCKET_DUP, 3}, {SL_EVENT_SOCKET_ACCEPT_FD, 3},
    {SL_EVENT_TASK_RENAME, 2}, {SL_EVENT_DO_SIGACTION, 11}, {SL_EVENT_DO_MMAP, 10}, {SL_EVENT_DO_TRUNCATE, 4},
    {SL_EVENT_BPF_PROG, 5}, {SL_EVENT_SET_FS_PWD, 2}, {SL_EVENT_TASK_SETRLIMIT, 4}, {SL_EVENT_CHMOD_COMMON, 3},
    {SL_EVENT_SB_UMOUNT, 3}, {SL_EVENT_VFS_UTIMES, 5}, {SL_EVENT_EXECUTE_FAILED, 14},
    {SL_EVENT_SO_LOADED, 5}, {SL_EVENT_SYS_ENTER, 1}, {SL_EVENT_SYS_EXIT, 1}, {SL_EVENT_DO_EXIT, 1}, {SL_EVENT_CAP_CAPABLE, 1},
    {SL_EVENT_PATH_NOTIFY, 5},
};

struct derived_hook {
    uint32_t event;
    int nr;
    uint8_t kind;
};

static const struct derived_hook derived_hooks[] = {
#ifdef SYS_open
    {SL_EVENT_FILE_OPEN, SYS_open, SL_DERIVE_OPEN_PATH0},
    {SL_EVENT_FILE_OPEN, SYS_creat, SL_DERIVE_OPEN_PATH0},
    {SL_EVENT_INODE_UNLINK, SYS_unlink, SL_DERIVE_UNLINK_PATH0},
    {SL_EVENT_INODE_RENAME, SYS_rename, SL_DERIVE_RENAME_01},
    {SL_EVENT_INODE_RENAME, SYS_renameat, SL_DERIVE_RENAME_13},
    {SL_EVENT_SOCKET_ACCEPT, SYS_accept, SL_DERIVE_ACCEPT},
    {SL_EVENT_INODE_MKNOD, SYS_mknod, SL_DERIVE_MKNOD_PATH0},
    {SL_EVENT_INODE_SYMLINK, SYS_symlink, SL_DERIVE_SYMLINK},
    {SL_EVENT_CHMOD_COMMON, SYS_chmod, SL_DERIVE_CHMOD},
    {SL_EVENT_SOCKET_DUP, SYS_dup2, SL_DERIVE_SOCKET_DUP},
    {SL_EVENT_SOCKET_ACCEPT_FD, SYS_accept, SL_DERIVE_SOCKET_ACCEPT},
#endif
#ifdef SYS_fchmodat2
    {SL_EVENT_CHMOD_COMMON, SYS_fchmodat2, SL_DERIVE_FCHMODAT},
#endif
    {SL_EVENT_INODE_MKNOD, SYS_mknodat, SL_DERIVE_MKNOD_PATH1},
    {SL_EVENT_INODE_SYMLINK, SYS_symlinkat, SL_DERIVE_SYMLINKAT},
    {SL_EVENT_DO_TRUNCATE, SYS_truncate, SL_DERIVE_TRUNCATE},
    {SL_EVENT_DO_TRUNCATE, SYS_ftruncate, SL_DERIVE_FTRUNCATE},
    {SL_EVENT_CHMOD_COMMON, SYS_fchmod, SL_DERIVE_FCHMOD},
    {SL_EVENT_CHMOD_COMMON, SYS_fchmodat, SL_DERIVE_FCHMODAT},
    {SL_EVENT_SET_FS_PWD, SYS_chdir, SL_DERIVE_CHDIR},
    {SL_EVENT_SET_FS_PWD, SYS_fchdir, SL_DERIVE_FCHDIR},
    {SL_EVENT_SWITCH_TASK_NS, SYS_setns, SL_DERIVE_SWITCH_NS},
    {SL_EVENT_SWITCH_TASK_NS, SYS_unshare, SL_DERIVE_SWITCH_NS},
    {SL_EVENT_SB_UMOUNT, SYS_umount2, SL_DERIVE_UMOUNT},
    {SL_EVENT_TASK_SETRLIMIT, SYS_setrlimit, SL_DERIVE_SETRLIMIT},
    {SL_EVENT_TASK_SETRLIMIT, SYS_prlimit64, SL_DERIVE_PRLIMIT},
    {SL_EVENT_DO_SIGACTION, SYS_rt_sigaction, SL_DERIVE_SIGACTION},
    {SL_EVENT_DO_MMAP, SYS_mmap, SL_DERIVE_DO_MMAP},
    {SL_EVENT_MMAP_FILE, SYS_mmap, SL_DERIVE_MMAP_FILE},
    {SL_EVENT_SO_LOADED, SYS_mmap, SL_DERIVE_SO_LOADED},
    {SL_EVENT_PATH_NOTIFY, SYS_inotify_add_watch, SL_DERIVE_PATH_NOTIFY},
    {SL_EVENT_SOCKET_CREATE, SYS_socket, SL_DERIVE_SOCKET_CREATE},
    {SL_EVENT_SOCKET_LISTEN, SYS_listen, SL_DERIVE_LISTEN},
    {SL_EVENT_SOCKET_SETSOCKOPT, SYS_setsockopt, SL_DERIVE_SETSOCKOPT},
    {SL_EVENT_SOCKET_DUP, SYS_dup, SL_DERIVE_SOCKET_DUP},
    {SL_EVENT_SOCKET_DUP, SYS_dup3, SL_DERIVE_SOCKET_DUP},
    {SL_EVENT_SOCKET_ACCEPT_FD, SYS_accept4, SL_DERIVE_SOCKET_ACCEPT},
    {SL_EVENT_BPF, SYS_bpf, SL_DERIVE_BPF},
    {SL_EVENT_BPF_MAP, SYS_bpf, SL_DERIVE_BPF_MAP},
    {SL_EVENT_BPF_PROG, SYS_bpf, SL_DERIVE_BPF_PROG},
    {SL_EVENT_VFS_WRITE, SYS_write, SL_DERIVE_VFS_WRITE},
    {SL_EVENT_VFS_WRITE, SYS_pwrite64, SL_DERIVE_VFS_PWRITE},
    {SL_EVENT_VFS_WRITEV, SYS_writev, SL_DERIVE_VFS_WRITEV},
    {SL_EVENT_VFS_WRITEV, SYS_pwritev, SL_DERIVE_VFS_PWRITEV},
    {SL_EVENT_VFS_WRITEV, SYS_pwritev2, SL_DERIVE_VFS_PWRITEV},
    {SL_EVENT_VFS_READ, SYS_read, SL_DERIVE_VFS_READ},
    {SL_EVENT_VFS_READ, SYS_pread64, SL_DERIVE_VFS_PREAD},
    {SL_EVENT_VFS_READV, SYS_readv, SL_DERIVE_VFS_READV},
    {SL_EVENT_VFS_READV, SYS_preadv, SL_DERIVE_VFS_PREADV},
    {SL_EVENT_VFS_READV, SYS_preadv2, SL_DERIVE_VFS_PREADV},
    {SL_EVENT_VFS_UTIMES, SYS_utimensat, SL_DERIVE_UTIMENSAT},
    {SL_EVENT_EXECUTE_FAILED, SYS_execve, SL_DERIVE_EXEC_FAILED},
    {SL_EVENT_EXECUTE_FAILED, SYS_execveat, SL_DERIVE_EXECAT_FAILED},
    {SL_EVENT_FILE_OPEN, SYS_openat, SL_DERIVE_OPEN_PATH1},
    {SL_EVENT_FILE_OPEN, SYS_openat2, SL_DERIVE_OPEN_PATH1},
    {SL_EVENT_INODE_UNLINK, SYS_unlinkat, SL_DERIVE_UNLINK_PATH1},
    {SL_EVENT_INODE_RENAME, SYS_renameat2, SL_DERIVE_RENAME_13},
    {SL_EVENT_SB_MOUNT, SYS_mount, SL_DERIVE_MOUNT},
    {SL_EVENT_SOCKET_CONNECT, SYS_connect, SL_DERIVE_CONNECT},
    {SL_EVENT_SOCKET_BIND, SYS_bind, SL_DERIVE_BIND},
    {SL_EVENT_SOCKET_ACCEPT, SYS_accept4, SL_DERIVE_ACCEPT},
    {SL_EVENT_MAGIC_WRITE, SYS_write, SL_DERIVE_WRITE},
    {SL_EVENT_MAGIC_WRITE, SYS_pwrite64, SL_DERIVE_PWRITE},
    {SL_EVENT_FILE_MPROTECT, SYS_mprotect, SL_DERIVE_MPROTECT},
    {SL_EVENT_FILE_MPROTECT, SYS_pkey_mprotect, SL_DERIVE_MPROTECT},
    {SL_EVENT_MEM_PROT_ALERT, SYS_mprotect, SL_DERIVE_MPROT_ALERT},
    {SL_EVENT_MEM_PROT_ALERT, SYS_pkey_mprotect, SL_DERIVE_MPROT_ALERT},
    {SL_EVENT_MEM_PROT_ALERT, SYS_mmap, SL_DERIVE_MMAP_ALERT},
};

#define COUNT(array) ((int)(sizeof(array) / sizeof((array)[0])))

static int derived_nargs(uint32_t id)
{
    for (int i = 0; i < COUNT(derived_events); i++)
        if (derived_events[i].id == id)
            return derived_events[i].nargs;
    return -1;
}

static uint8_t arg_type(char letter)
{
    switch (letter) {
    case 'i': return SL_ARG_INT32;
    case 'l': return SL_ARG_INT64;
    case 'u': return SL_ARG_UINT32;
    case 'U': return SL_ARG_UINT64;
    case 's': return SL_ARG_STR;
    case 'a': return SL_ARG_STR_ARRAY;
    case 'k': return SL_ARG_SOCKADDR;
    case 'A': return SL_ARG_INT32_PAIR;
    case 'b': return SL_ARG_BOOL;
    case 'x': return SL_ARG_NONE;
    default:
        fail(EXIT_USAGE, "--events: unknown argument type '%c' (expected one of i l u U s a k A b x)", letter);
        return 0;
    }
}

static void parse_events(const char *text)
{
    char *copy = strdup(text);
    char *saveptr = NULL;
    for (char *item = strtok_r(copy, ",", &saveptr); item; item = strtok_r(NULL, ",", &saveptr)) {
        if (opts.event_count == (int)(sizeof(opts.events) / sizeof(opts.events[0])))
            fail(EXIT_USAGE, "--events: too many events");
        struct selected_event *event = &opts.events[opts.event_count++];
        memset(event, 0, sizeof(*event));
        event->nr = -1;
        char *first = strchr(item, ':');
        if (first)
            *first = 0;
        event->id = (uint32_t)parse_long("--events", item, 1, MAX_EVENT_ID - 1);
        if (event_index[event->id]) {
            opts.event_count--;   /* given twice: the first stands */
            continue;
        }
        event_index[event->id] = (int16_t)opts.event_count;
        if (!first) {
            if (derived_nargs(event->id) >= 0)
                event->nargs = (uint8_t)derived_nargs(event->id);
            else if (event->id == SL_EVENT_EXEC)
                event->nargs = 18;
            else if (event->id == SL_EVENT_FORK)
                event->nargs = 10;
            else if (event->id == SL_EVENT_EXIT)
                event->nargs = 3;
            else if (net_capture_is_event(event->id))
                event->nargs = NET_ARGS;
            else
                fail(EXIT_USAGE, "--events: event %u is not a scheduler, derived or network event; a syscall event is "
                                 "ID:NR:TYPES", event->id);
            continue;
        }
        char *second = strchr(first + 1, ':');
        if (!second)
            fail(EXIT_USAGE, "--events: '%s:%s' lacks the argument types (ID:NR:TYPES)", item, first + 1);
        *second = 0;
        event->nr = (int32_t)parse_long("--events", first + 1, 0, SL_SYSCALL_MAX - 1);
        const char *types = second + 1;
        size_t count = strlen(types);
        if (count > 6)
            fail(EXIT_USAGE, "--events: event %u has %zu argument types, at most 6", event->id, count);
        event->nargs = (uint8_t)count;
        for (size_t i = 0; i < count; i++)
            event->types[i] = arg_type(types[i]);
    }
    free(copy);
}

static void parse_options(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"ring", required_argument, NULL, 'r'},
        {"events", required_argument, NULL, 'e'},
        {"pid", required_argument, NULL, 'p'},
        {"comm", required_argument, NULL, 'c'},
        {"uid", required_argument, NULL, 'u'},
        {"exec-env", no_argument, NULL, 'E'},
        {"user-stack", no_argument, NULL, 'S'},
        {"track-processes", no_argument, NULL, 't'},
        {"tree-argv", no_argument, NULL, 'A'},
        {"ringbuf-bytes", required_argument, NULL, 'b'},
        {"self-test", required_argument, NULL, 'T'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (c) {
        case 'r': opts.ring_path = optarg; break;
        case 'e': opts.events_given = true; parse_events(optarg); break;
        case 'p':
            if (opts.pid_count == MAX_SCOPE)
                fail(EXIT_USAGE, "--pid: at most %d", MAX_SCOPE);
            opts.pids[opts.pid_count++] = (uint32_t)parse_long("--pid", optarg, 1, 1 << 30);
            break;
        case 'c':
            if (opts.comm_count == MAX_SCOPE)
                fail(EXIT_USAGE, "--comm: at most %d", MAX_SCOPE);
            if (strlen(optarg) == 0 || strlen(optarg) > 15)
                fail(EXIT_USAGE, "--comm: a task name has 1 to 15 characters, got '%s'", optarg);
            memset(opts.comms[opts.comm_count], 0, 16);
            memcpy(opts.comms[opts.comm_count++], optarg, strlen(optarg));
            break;
        case 'u':
            if (opts.uid_count == MAX_SCOPE)
                fail(EXIT_USAGE, "--uid: at most %d", MAX_SCOPE);
            opts.uids[opts.uid_count++] = (uint32_t)parse_long("--uid", optarg, 0, 0x7fffffff);
            break;
        case 'E': opts.exec_env = true; break;
        case 'S': opts.user_stack = true; break;
        case 't': opts.track_processes = true; break;
        case 'A': opts.tree_argv = true; break;
        case 'b': opts.ringbuf_bytes = parse_long("--ringbuf-bytes", optarg, 4096, 1L << 30); break;
        case 'T': opts.self_test = parse_long("--self-test", optarg, 1, 1L << 40); break;
        case 'v': opts.verbose = true; break;
        case 'h':
            printf("usage: sluice-loader --ring FILE --events SELECTION [--pid N]... [--comm NAME]... [--uid N]...\n"
                   "                     [--exec-env] [--user-stack] [--track-processes] [--tree-argv]\n"
                   "                     [--ringbuf-bytes N] [--verbose]\n"
                   "       sluice-loader --ring FILE --self-test COUNT\n");
            exit(0);
        default:
            fail(EXIT_USAGE, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        fail(EXIT_USAGE, "unexpected argument '%s'", argv[optind]);
    if (!opts.ring_path)
        fail(EXIT_USAGE, "--ring FILE is required");
    if (opts.self_test == 0 && !opts.events_given)
        fail(EXIT_USAGE, "--events is required");
}

/* Once stopping, the engine has STOP_DRAIN_NANOS in all to take what is left. */
static bool stop_deadline_passed(void)
{
    static int64_t deadline;
    if (!stopping)
        return false;
    int64_t now = now_nanos(CLOCK_MONOTONIC);
    if (deadline == 0)
        deadline = now + STOP_DRAIN_NANOS;
    return now > deadline;
}

/* The exit drain: consume until no ring holds bytes, sleeping 1 ms between passes, for at most EXIT_DRAIN_NANOS; a
 * record still reserved then is named on stderr (the kernel counted it as written, so it is in no loss counter). */
static void drain_at_exit(struct kernel_rings *rings)
{
    const int64_t deadline = now_nanos(CLOCK_MONOTONIC) + EXIT_DRAIN_NANOS;
    kernel_rings_consume(rings);
    while (kernel_rings_pending(rings) && now_nanos(CLOCK_MONOTONIC) < deadline) {
        struct timespec pause = {0, 1000 * 1000};
        nanosleep(&pause, NULL);
        kernel_rings_consume(rings);
    }
    if (kernel_rings_pending(rings))
        fprintf(stderr, "sluice-loader: a record reserved in the kernel ring was not committed within 100 ms of the "
                        "stop; it is not delivered\n");
}

/* After a batch: when the engine's ingest sleeps armed on the ring's doorbell and records came, wake it: a futex wake
 * on the doorbell's word, which the ingest waits on while it holds 1 (the engine's RingDoorbell; shared, not private:
 * the word lies in the ring's file, mapped by both processes). While the ingest is awake this is a fence and a load. */
static void ring_doorbell(void)
{
    if (sl_ring_take_wake_request(&ring))
        syscall(SYS_futex, ring.doorbell_armed, FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* Writes one message, waiting while the engine is behind (back-pressure reaches the kernel ringbuf, where loss is
 * counted), and rings the shared ring's doorbell when the ring is full and every RING_EVERY records (the ingest
 * may be asleep armed on it). Gives up only once stopping and the engine has not read for a while. The wait sleeps (20 us, doubling
 * to 1 ms) and never yields in a loop: a full ring means the engine's threads are behind, and on a machine of few
 * cores a loader spinning on sched_yield takes the CPU they need to catch up. */
static bool deliver(int32_t type, const uint8_t *message, int32_t length)
{
    static uint32_t since_ring;
    long pause_ns = 20 * 1000;
    while (!sl_ring_write(&ring, type, message, length)) {
        /* a full ring the ingest may be asleep on: it must hear of it now, not at the end of this batch (which cannot
         * end while the ring is full) */
        ring_doorbell();
        since_ring = 0;
        if (getppid() == 1 || stop_deadline_passed())
            return false;
        struct timespec pause = {0, pause_ns};
        nanosleep(&pause, NULL);
        if (pause_ns < 1000 * 1000)
            pause_ns *= 2;
    }
    /* a long batch (up to the whole kernel ring) rings along the way, every RING_EVERY records */
    if (++since_ring >= RING_EVERY) {
        ring_doorbell();
        since_ring = 0;
    }
    return true;
}

static void deliver_loss(uint32_t cpu, uint64_t count)
{
    struct io_sluice_codec_sbe_messageHeader header;
    struct io_sluice_codec_sbe_loss loss;
    if (!io_sluice_codec_sbe_loss_wrap_and_apply_header(&loss, (char *)out, 0, sizeof(out), &header))
        fail(EXIT_RUNTIME, "cannot encode a Loss record");
    io_sluice_codec_sbe_loss_set_timestampNanos(&loss, now_nanos(CLOCK_REALTIME));
    io_sluice_codec_sbe_loss_set_cpu(&loss, cpu);
    io_sluice_codec_sbe_loss_set_lost(&loss, count);
    int32_t length = (int32_t)(io_sluice_codec_sbe_messageHeader_encoded_length() +
                               io_sluice_codec_sbe_loss_encoded_length(&loss));
    if (!deliver(io_sluice_codec_sbe_loss_sbe_template_id(), out, length))
        fprintf(stderr, "sluice-loader: %llu events lost (cpu %u) could not be reported: the engine stopped reading\n",
                (unsigned long long)count, cpu);
}

/* NUL-separated strings (argv/env as the kernel keeps them) into the STR_ARRAY blob: [u32 len][bytes]... */
static uint32_t split_list(const uint8_t *src, uint32_t length, uint8_t *dst, uint32_t capacity)
{
    uint32_t written = 0;
    uint32_t start = 0;
    while (start < length) {
        uint32_t end = start;
        while (end < length && src[end] != 0)
            end++;
        uint32_t n = end - start;
        if (written + 4 + n > capacity)
            break;
        memcpy(dst + written, &n, 4);
        memcpy(dst + written + 4, src + start, n);
        written += 4 + n;
        start = end + 1;
    }
    return written;
}

/* struct sockaddr into the SOCKADDR blob (sluice-sbe.xml): [u16 family] then per family */
static uint32_t convert_sockaddr(const uint8_t *src, uint32_t length, uint8_t *dst)
{
    uint16_t family = 0;
    if (length >= 2)
        memcpy(&family, src, 2);
    memcpy(dst, &family, 2);
    if (family == 2 && length >= 8) { /* AF_INET: sin_port (network order), sin_addr */
        uint16_t port = (uint16_t)((src[2] << 8) | src[3]);
        memcpy(dst + 2, &port, 2);
        memcpy(dst + 4, src + 4, 4);
        return 8;
    }
    if (family == 10 && length >= 28) { /* AF_INET6: port, flowinfo, addr, scope id */
        uint16_t port = (uint16_t)((src[2] << 8) | src[3]);
        uint32_t flowinfo = ((uint32_t)src[4] << 24) | ((uint32_t)src[5] << 16) | ((uint32_t)src[6] << 8) | src[7];
        memcpy(dst + 2, &port, 2);
        memcpy(dst + 4, &flowinfo, 4);
        memcpy(dst + 8, src + 8, 16);
        memcpy(dst + 24, src + 24, 4);
        return 28;
    }
    if (family == 1) { /* AF_UNIX: the path up to its NUL (abstract names keep their leading NUL) */
        uint32_t n = 0;
        uint32_t max = length > 2 ? length - 2 : 0;
        if (max > 0 && src[2] == 0) {
            n = max; /* abstract: all bytes, trailing NULs trimmed */
            while (n > 1 && src[2 + n - 1] == 0)
                n--;
        } else {
            while (n < max && src[2 + n] != 0)
                n++;
        }
        memcpy(dst + 2, src + 2, n);
        return 2 + n;
    }
    return 2;
}

static const struct selected_event *find_event(uint32_t id)
{
    return id < MAX_EVENT_ID && event_index[id] ? &opts.events[event_index[id] - 1] : NULL;
}

static void put_str_arg(struct io_sluice_codec_sbe_kernelEvent_args *args, const char *text, uint32_t length)
{
    io_sluice_codec_sbe_kernelEvent_args_set_valueType(args, io_sluice_codec_sbe_valueType_STR);
    io_sluice_codec_sbe_kernelEvent_args_set_intValue(args, 0);
    io_sluice_codec_sbe_kernelEvent_args_put_value(args, text, length);
}

struct container {
    const char *runtime;
    const char *id;
    uint32_t id_length;
};

static bool all_hex(const char *text, uint32_t length)
{
    for (uint32_t i = 0; i < length; i++)
        if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f') || (text[i] >= 'A' && text[i] <= 'F')))
            return false;
    return true;
}

static bool starts(const char *text, uint32_t length, const char *prefix)
{
    size_t n = strlen(prefix);
    return length >= n && memcmp(text, prefix, n) == 0;
}

/* Tracee's parseContainerIdFromCgroupPath (pkg/datastores/container/containers.go) for a container's root cgroup,
 * the only one container_create/remove report: Tracee takes the innermost component naming a container and calls it
 * the root when it is the last one, so only the last component is examined here. */
static bool container_root(const char *path, uint32_t length, struct container *found)
{
    while (length > 0 && path[length - 1] == 0)
        length--;
    uint32_t start = length;
    while (start > 0 && path[start - 1] != '/')
        start--;
    const char *part = path + start;
    uint32_t n = length - start;
    if (n < 28)
        return false;
    const char *id = part;
    uint32_t id_n = n;
    if (id_n > 6 && memcmp(id + id_n - 6, ".scope", 6) == 0)
        id_n -= 6;
    found->runtime = NULL;
    if (starts(id, id_n, "docker-")) {
        found->runtime = "docker";
        id += 7, id_n -= 7;
    } else if (starts(id, id_n, "crio-")) {
        id += 5, id_n -= 5;
        if (starts(id, id_n, "conmon-"))
            return false;
        found->runtime = "crio";
    } else if (starts(id, id_n, "cri-containerd-")) {
        found->runtime = "containerd";
        id += 15, id_n -= 15;
    } else if (memmem(part, n, ":cri-containerd:", 16)) {
        found->runtime = "containerd";
        const char *last = part;
        for (const char *at; (at = memmem(last, n - (uint32_t)(last - part), ":cri-containerd:", 16)); last = at + 16)
            ;
        id = last;
        id_n = n - (uint32_t)(last - part);
    } else if (starts(id, id_n, "libpod-")) {
        id += 7, id_n -= 7;
        if (starts(id, id_n, "conmon-"))
            return false;
        found->runtime = "podman";
    }
    if (!found->runtime && id_n == 64 && all_hex(id, 64) && start > 0) {
        /* the component before: docker's cgroupfs driver, GitHub Actions, or a kubepods pod */
        uint32_t prev_end = start - 1;
        uint32_t prev_start = prev_end;
        while (prev_start > 0 && path[prev_start - 1] != '/')
            prev_start--;
        const char *prev = path + prev_start;
        uint32_t prev_n = prev_end - prev_start;
        if ((prev_n == 6 && memcmp(prev, "docker", 6) == 0) || (prev_n == 11 && memcmp(prev, "actions_job", 11) == 0))
            found->runtime = "docker";
        else if (starts(prev, prev_n, "pod"))
            found->runtime = "containerd";
        else
            found->runtime = "unknown";
    }
    if (!found->runtime && id_n == 28 && id[8] == '-' && id[13] == '-' && id[18] == '-' && id[23] == '-' &&
        all_hex(id, 8) && all_hex(id + 9, 4) && all_hex(id + 14, 4) && all_hex(id + 19, 4) && all_hex(id + 24, 4))
        found->runtime = "garden";
    if (!found->runtime)
        return false;
    found->id = id;
    found->id_length = id_n;
    return true;
}

/* One BPF record into one KernelEvent in the Agrona ring. */
static int on_record(void *context, void *data, size_t size)
{
    (void)context;
    const struct sl_record *record = data;
    if (size < sizeof(*record) || record->len > size)
        return 0;
    const struct selected_event *selected = find_event(record->event_id);
    /* a syscall event ends with its return value; a derived event names the syscall it came from, and has none */
    const bool syscall = selected ? selected->nr >= 0 : record->syscall_nr >= 0;
    const int expected = selected ? selected->nargs : record->nargs;

    struct io_sluice_codec_sbe_messageHeader header;
    struct io_sluice_codec_sbe_kernelEvent event;
    struct io_sluice_codec_sbe_kernelEvent_args args;
    io_sluice_codec_sbe_kernelEvent_wrap_and_apply_header(&event, (char *)out, 0, sizeof(out), &header);
    io_sluice_codec_sbe_kernelEvent_set_timestampNanos(&event, (int64_t)record->ts_boot + boot_to_epoch);
    io_sluice_codec_sbe_kernelEvent_set_eventId(&event, (int32_t)record->event_id);
    io_sluice_codec_sbe_kernelEvent_set_hostPid(&event, record->host_pid);
    io_sluice_codec_sbe_kernelEvent_set_hostTid(&event, record->host_tid);
    io_sluice_codec_sbe_kernelEvent_set_hostPpid(&event, record->host_ppid);
    io_sluice_codec_sbe_kernelEvent_set_pid(&event, record->pid);
    io_sluice_codec_sbe_kernelEvent_set_tid(&event, record->tid);
    io_sluice_codec_sbe_kernelEvent_set_ppid(&event, record->ppid);
    io_sluice_codec_sbe_kernelEvent_set_uid(&event, record->uid);
    io_sluice_codec_sbe_kernelEvent_set_gid(&event, record->gid);
    io_sluice_codec_sbe_kernelEvent_set_euid(&event, record->euid);
    io_sluice_codec_sbe_kernelEvent_set_cgroupId(&event, record->cgroup_id);
    io_sluice_codec_sbe_kernelEvent_set_mntNsId(&event, record->mnt_ns);
    io_sluice_codec_sbe_kernelEvent_set_pidNsId(&event, record->pid_ns);
    io_sluice_codec_sbe_kernelEvent_set_threadStartNanos(&event, (int64_t)record->thread_start_boot + boot_to_epoch);
    io_sluice_codec_sbe_kernelEvent_set_processStartNanos(&event, (int64_t)record->process_start_boot + boot_to_epoch);
    io_sluice_codec_sbe_kernelEvent_set_parentStartNanos(&event, (int64_t)record->parent_start_boot + boot_to_epoch);
    io_sluice_codec_sbe_kernelEvent_set_syscallNr(&event, record->syscall_nr);
    io_sluice_codec_sbe_kernelEvent_set_retval(&event, record->retval);
    io_sluice_codec_sbe_kernelEvent_set_compat(&event, record->compat);
    io_sluice_codec_sbe_kernelEvent_put_comm(&event, record->comm);
    io_sluice_codec_sbe_kernelEvent_set_treeOnly(&event, (record->flags & SL_FLAG_TREE_ONLY) ? 1 : 0);
    io_sluice_codec_sbe_kernelEvent_set_capEffective(&event, record->cap_effective);
    io_sluice_codec_sbe_kernelEvent_set_capPermitted(&event, record->cap_permitted);
    io_sluice_codec_sbe_kernelEvent_set_capInheritable(&event, record->cap_inheritable);
    io_sluice_codec_sbe_kernelEvent_put_utsName(&event, record->uts_name);

    const int count = expected + (syscall ? 1 : 0);
    /* group positions are relative to the message's buffer (after the header), as the codec keeps them */
    if (!io_sluice_codec_sbe_kernelEvent_args_wrap_for_encode(&args, event.buffer, (uint16_t)count,
            io_sluice_codec_sbe_kernelEvent_sbe_position_ptr(&event),
            io_sluice_codec_sbe_kernelEvent_sbe_schema_version(), event.buffer_length))
        return 0;

    /* the user stack is last: the arguments end where it starts */
    const uint32_t stack_bytes = record->stack_depth <= SL_MAX_STACK ? record->stack_depth * 8u : 0;
    if (record->len < sizeof(*record) + stack_bytes)
        return 0;
    const uint8_t *cursor = (const uint8_t *)data + sizeof(*record);
    const uint8_t *limit = (const uint8_t *)data + record->len - stack_bytes;
    /* as Tracee, the stack ends at its first zero address (the frame walk read a return address of 0) */
    uint32_t frames = 0;
    while (frames < stack_bytes / 8u) {
        uint64_t address;
        memcpy(&address, limit + frames * 8u, sizeof(address));
        if (address == 0)
            break;
        frames++;
    }
    for (int i = 0, k = 0; i < expected; i++, k++) {
        io_sluice_codec_sbe_kernelEvent_args_next(&args);
        const struct sl_arg *arg = (const struct sl_arg *)cursor;
        if (k >= record->nargs || cursor + sizeof(*arg) > limit || cursor + sizeof(*arg) + arg->len > limit) {
            io_sluice_codec_sbe_kernelEvent_args_set_valueType(&args, io_sluice_codec_sbe_valueType_NONE);
            io_sluice_codec_sbe_kernelEvent_args_set_intValue(&args, 0);
            io_sluice_codec_sbe_kernelEvent_args_put_value(&args, NULL, 0);
            continue;
        }
        const uint8_t *value = cursor + sizeof(*arg);
        uint32_t length = arg->len;
        uint8_t type = arg->type;
        int64_t number = arg->ival;
        cursor += sizeof(*arg) + ((arg->len + 7u) & ~7u);
        if (type == SL_RAW_STR_LIST) {
            length = split_list(value, length, list_scratch, sizeof(list_scratch));
            value = list_scratch;
            type = SL_STR_ARRAY;
        } else if (type == SL_RAW_SOCKADDR) {
            length = convert_sockaddr(value, length, list_scratch);
            value = list_scratch;
            type = SL_SOCKADDR;
        } else if (type == SL_RAW_BOOT_NS) {
            number += boot_to_epoch;
            type = SL_UINT64;
        } else if (type == SL_RAW_CGROUP_PATH) {
            /* one kernel argument, two event arguments: runtime and container_id */
            struct container found;
            if (!container_root((const char *)value, length, &found))
                return 0; /* not a container's cgroup: nothing to deliver */
            put_str_arg(&args, found.runtime, (uint32_t)strlen(found.runtime));
            if (i + 1 < expected) {
                io_sluice_codec_sbe_kernelEvent_args_next(&args);
                i++;
                put_str_arg(&args, found.id, found.id_length);
            }
            continue;
        }
        io_sluice_codec_sbe_kernelEvent_args_set_valueType(&args, (enum io_sluice_codec_sbe_valueType)type);
        io_sluice_codec_sbe_kernelEvent_args_set_intValue(&args, number);
        io_sluice_codec_sbe_kernelEvent_args_put_value(&args, (const char *)value, length);
    }
    if (syscall) {
        io_sluice_codec_sbe_kernelEvent_args_next(&args);
        io_sluice_codec_sbe_kernelEvent_args_set_valueType(&args, io_sluice_codec_sbe_valueType_INT64);
        io_sluice_codec_sbe_kernelEvent_args_set_intValue(&args, record->retval);
        io_sluice_codec_sbe_kernelEvent_args_put_value(&args, NULL, 0);
    }
    /* packed little-endian uint64 addresses, as the kernel wrote them (the hosts are little-endian) */
    io_sluice_codec_sbe_kernelEvent_put_userStack(&event, (const char *)limit, frames * 8u);
    const int32_t length = (int32_t)(io_sluice_codec_sbe_messageHeader_encoded_length() +
                                     io_sluice_codec_sbe_kernelEvent_encoded_length(&event));
    if (deliver(io_sluice_codec_sbe_kernelEvent_sbe_template_id(), out, length))
        delivered++;
    else if (!(record->flags & SL_FLAG_TREE_ONLY))
        loader_lost++;
    return 0;
}

/* Kernel-side losses since the last call, per CPU, as Loss records. */
static void report_losses(struct sluice_bpf *skel, uint64_t *previous, int cpus)
{
    uint64_t values[cpus];
    uint32_t zero = 0;
    if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.lost), &zero, values) != 0)
        return;
    for (int cpu = 0; cpu < cpus; cpu++) {
        if (values[cpu] > previous[cpu]) {
            deliver_loss((uint32_t)cpu, values[cpu] - previous[cpu]);
            previous[cpu] = values[cpu];
        }
    }
    if (loader_lost > 0) {
        deliver_loss(LOADER_CPU, loader_lost);
        loader_lost = 0;
    }
    /* packets the network ringbuf had no room for: lost events too, counted the same way */
    static uint64_t net_previous[MAX_CPUS];
    uint64_t net_values[cpus];
    if (cpus <= MAX_CPUS && net_capture_lost(net_values, cpus) == 0) {
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (net_values[cpu] > net_previous[cpu]) {
                deliver_loss((uint32_t)cpu, net_values[cpu] - net_previous[cpu]);
                net_previous[cpu] = net_values[cpu];
            }
        }
    }
}

/* --self-test: COUNT generated records, so the engine's reader can check every sequence number and byte. */
static int self_test(long count)
{
    printf("ready\n");
    fflush(stdout);
    uint8_t payload[256];
    for (long seq = 0; seq < count && !stopping; seq++) {
        struct io_sluice_codec_sbe_messageHeader header;
        struct io_sluice_codec_sbe_kernelEvent event;
        struct io_sluice_codec_sbe_kernelEvent_args args;
        io_sluice_codec_sbe_kernelEvent_wrap_and_apply_header(&event, (char *)out, 0, sizeof(out), &header);
        memset(event.buffer + event.offset, 0, io_sluice_codec_sbe_kernelEvent_sbe_block_length());
        io_sluice_codec_sbe_kernelEvent_set_timestampNanos(&event, seq);
        io_sluice_codec_sbe_kernelEvent_set_eventId(&event, 0);
        io_sluice_codec_sbe_kernelEvent_set_syscallNr(&event, -1);
        uint32_t length = (uint32_t)(seq % 251);
        for (uint32_t i = 0; i < length; i++)
            payload[i] = (uint8_t)(seq + i);
        io_sluice_codec_sbe_kernelEvent_args_wrap_for_encode(&args, event.buffer, 1,
            io_sluice_codec_sbe_kernelEvent_sbe_position_ptr(&event),
            io_sluice_codec_sbe_kernelEvent_sbe_schema_version(), event.buffer_length);
        io_sluice_codec_sbe_kernelEvent_args_next(&args);
        io_sluice_codec_sbe_kernelEvent_args_set_valueType(&args, io_sluice_codec_sbe_valueType_BYTES);
        io_sluice_codec_sbe_kernelEvent_args_set_intValue(&args, ~seq);
        io_sluice_codec_sbe_kernelEvent_args_put_value(&args, (const char *)payload, length);
        io_sluice_codec_sbe_kernelEvent_put_userStack(&event, NULL, 0);
        int32_t total = (int32_t)(io_sluice_codec_sbe_messageHeader_encoded_length() +
                                  io_sluice_codec_sbe_kernelEvent_encoded_length(&event));
        if (!deliver(io_sluice_codec_sbe_kernelEvent_sbe_template_id(), out, total))
            fail(EXIT_RUNTIME, "self-test: the engine stopped reading at record %ld", seq);
    }
    ring_doorbell();
    return 0;
}

static void load_failure(int err)
{
    if (err == EPERM || (err == EACCES && geteuid() != 0))
        fail(EXIT_RUNTIME, "eBPF programs could not be loaded: operation not permitted; run as root or grant "
                           "CAP_BPF and CAP_PERFMON");
    if (err == EACCES)
        fail(EXIT_RUNTIME, "eBPF programs could not be loaded: the kernel's verifier rejected them (%s); "
                           "run with --verbose for its log", libbpf_last[0] ? libbpf_last : strerror(err));
    if (libbpf_last[0])
        fail(EXIT_RUNTIME, "eBPF programs could not be loaded: %s (%s)", strerror(err), libbpf_last);
    fail(EXIT_RUNTIME, "eBPF programs could not be loaded: %s", strerror(err));
}

static long round_ringbuf(long bytes)
{
    long page = sysconf(_SC_PAGESIZE);
    long size = page;
    while (size < bytes)
        size <<= 1;
    return size;
}

/* The cgroup hierarchy containers are found in, as Tracee chooses it: cgroup v2's (0) when it is the one mounted at
 * /sys/fs/cgroup, else cgroup v1's cpuset controller's (/proc/cgroups). */
static uint32_t container_hierarchy(void)
{
    FILE *cgroups = fopen("/proc/cgroups", "r");
    if (!cgroups)
        return 0;
    char line[256];
    uint32_t hierarchy = 0;
    while (fgets(line, sizeof(line), cgroups)) {
        char name[64];
        unsigned int id = 0;
        if (sscanf(line, "%63s %u", name, &id) == 2 && strcmp(name, "cpuset") == 0)
            hierarchy = id;
    }
    fclose(cgroups);
    return hierarchy;
}

/* the syscalls map: each selected syscall's capture, and what the derived events selected derive from it */
static void fill_syscalls(struct sluice_bpf *skel)
{
    static struct sl_syscall confs[SL_SYSCALL_MAX];
    memset(confs, 0, sizeof(confs));
    for (int i = 0; i < opts.event_count; i++) {
        const struct selected_event *event = &opts.events[i];
        if (event->nr < 0)
            continue;
        uint8_t at = SL_AT_EXIT;
        if (event->id == SL_EVENT_EXECVE || event->id == SL_EVENT_EXECVEAT)
            at = SL_AT_ENTRY;
        else if (event->id == SL_EVENT_EXIT_SYSCALL || event->id == SL_EVENT_EXIT_GROUP)
            at = SL_AT_ENTRY_ONLY;
        struct sl_syscall *conf = &confs[event->nr];
        conf->event_id = event->id;
        conf->nargs = event->nargs;
        conf->at_entry = at;
        memcpy(conf->types, event->types, sizeof(conf->types));
    }
    for (int i = 0; i < COUNT(derived_hooks); i++) {
        const struct derived_hook *hook = &derived_hooks[i];
        if (!find_event(hook->event) || hook->nr < 0 || hook->nr >= SL_SYSCALL_MAX)
            continue;
        struct sl_syscall *conf = &confs[hook->nr];
        for (int slot = 0; slot < SL_MAX_DERIVED; slot++) {
            if (conf->derived[slot] == 0) {
                conf->derived[slot] = hook->kind;
                break;
            }
        }
    }
    for (uint32_t nr = 0; nr < SL_SYSCALL_MAX; nr++) {
        if (!confs[nr].event_id && !confs[nr].derived[0])
            continue;
        if (bpf_map_update_elem(bpf_map__fd(skel->maps.syscalls), &nr, &confs[nr], BPF_ANY) != 0)
            fail(EXIT_RUNTIME, "cannot select syscall %u: %s", nr, strerror(errno));
    }
}

static int trace(void)
{
    bool exec = false, fork = false, exit_ = false, any_syscall = false;
    for (int i = 0; i < opts.event_count; i++) {
        const struct selected_event *event = &opts.events[i];
        exec |= event->id == SL_EVENT_EXEC;
        fork |= event->id == SL_EVENT_FORK;
        exit_ |= event->id == SL_EVENT_EXIT;
        any_syscall |= event->nr >= 0;
    }
    for (int i = 0; i < COUNT(derived_hooks); i++)
        any_syscall |= find_event(derived_hooks[i].event) != NULL;
    const bool bprm = find_event(SL_EVENT_BPRM_CHECK) != NULL;
    const bool containers = find_event(SL_EVENT_CONTAINER_CREATE) || find_event(SL_EVENT_CONTAINER_REMOVE);

    libbpf_set_print(libbpf_print);
    struct sluice_bpf *skel = sluice_bpf__open();
    if (!skel)
        load_failure(errno);

    const int cpus = libbpf_num_possible_cpus();
    /* 64 MiB by default: about 250,000 openat records (~256 bytes each), the lag a JVM pipeline behind a traced
     * loop that takes a whole core can fall into (warm-up, a pause, a moment without CPU) before the kernel drops;
     * 8 MiB lost half of such a loop's events (docs/performance.md). The kernel allocates all of it when the map is
     * made, and kernel_rings maps it once: it shows once in the loader's RSS. */
    const long ringbuf = round_ringbuf(opts.ringbuf_bytes > 0 ? opts.ringbuf_bytes : 64L * 1024 * 1024);
    bpf_map__set_max_entries(skel->maps.events, (uint32_t)ringbuf);
    bpf_map__set_max_entries(skel->maps.scratch, (uint32_t)cpus);
    skel->rodata->scope_pid_on = opts.pid_count > 0;
    skel->rodata->scope_comm_on = opts.comm_count > 0;
    skel->rodata->scope_uid_on = opts.uid_count > 0;
    skel->rodata->exclude_tgid_a = (uint32_t)getpid();
    skel->rodata->exclude_tgid_b = (uint32_t)getppid();
    skel->rodata->trace_exec = exec;
    skel->rodata->trace_fork = fork;
    skel->rodata->trace_exit = exit_;
    skel->rodata->exec_env = opts.exec_env;
    skel->rodata->track_processes = opts.track_processes;
    skel->rodata->tree_argv = opts.tree_argv;
    skel->rodata->user_stack = opts.user_stack;
    skel->rodata->trace_bprm = bprm;
    skel->rodata->cgroup_hierarchy = containers ? container_hierarchy() : 0;
    skel->rodata->wakeup_bytes = (uint64_t)(ringbuf / 4 < 65536 ? ringbuf / 4 : 65536);

    bpf_program__set_autoload(skel->progs.sluice_exec, exec || bprm || opts.track_processes);
    bpf_program__set_autoload(skel->progs.sluice_prepare_exec,
                              exec && libbpf_find_vmlinux_btf_id("sched_prepare_exec", BPF_TRACE_RAW_TP) > 0);
    bpf_program__set_autoload(skel->progs.sluice_fork, fork || opts.track_processes);
    bpf_program__set_autoload(skel->progs.sluice_exit, exit_ || opts.track_processes || find_event(SL_EVENT_DO_EXIT));
    const bool raw_enter = find_event(SL_EVENT_SYS_ENTER) != NULL, raw_exit = find_event(SL_EVENT_SYS_EXIT) != NULL;
    skel->rodata->trace_raw_syscalls = (raw_enter ? 1 : 0) | (raw_exit ? 2 : 0);
    skel->rodata->trace_do_exit = find_event(SL_EVENT_DO_EXIT) != NULL;
    bpf_program__set_autoload(skel->progs.sluice_sys_enter, any_syscall || raw_enter);
    bpf_program__set_autoload(skel->progs.sluice_sys_exit, any_syscall || raw_exit);
    bpf_program__set_autoload(skel->progs.sluice_cap_capable, find_event(SL_EVENT_CAP_CAPABLE) != NULL);
    const uint32_t cgroup_dirs = (find_event(SL_EVENT_CONTAINER_CREATE) ? 1 : 0) | (find_event(SL_EVENT_CONTAINER_REMOVE) ? 2 : 0) |
                                 (find_event(SL_EVENT_CGROUP_MKDIR) ? 4 : 0) | (find_event(SL_EVENT_CGROUP_RMDIR) ? 8 : 0);
    skel->rodata->cgroup_dirs = cgroup_dirs;
    bpf_program__set_autoload(skel->progs.sluice_cgroup_mkdir, (cgroup_dirs & 5) != 0);
    bpf_program__set_autoload(skel->progs.sluice_cgroup_rmdir, (cgroup_dirs & 10) != 0);
    bpf_program__set_autoload(skel->progs.sluice_cgroup_attach, find_event(SL_EVENT_CGROUP_ATTACH_TASK) != NULL);
    bpf_program__set_autoload(skel->progs.sluice_task_rename, find_event(SL_EVENT_TASK_RENAME) != NULL);
    bpf_program__set_autoload(skel->progs.sluice_sched_switch, find_event(SL_EVENT_SCHED_SWITCH) != NULL);

    int err = sluice_bpf__load(skel);
    if (err)
        load_failure(-err);

    uint8_t one = 1;
    for (int i = 0; i < opts.pid_count; i++)
        bpf_map_update_elem(bpf_map__fd(skel->maps.scope_pids), &opts.pids[i], &one, BPF_ANY);
    for (int i = 0; i < opts.comm_count; i++)
        bpf_map_update_elem(bpf_map__fd(skel->maps.scope_comms), opts.comms[i], &one, BPF_ANY);
    for (int i = 0; i < opts.uid_count; i++)
        bpf_map_update_elem(bpf_map__fd(skel->maps.scope_uids), &opts.uids[i], &one, BPF_ANY);
    fill_syscalls(skel);

    err = sluice_bpf__attach(skel);
    if (err)
        fail(EXIT_RUNTIME, "eBPF programs could not be attached: %s%s%s", strerror(-err),
             libbpf_last[0] ? ": " : "", libbpf_last);

    struct kernel_rings rings;
    err = kernel_rings_init(&rings);
    if (err == 0)
        /* the size the loaded map has (as the network ring's), not the one asked for */
        err = kernel_rings_add(&rings, bpf_map__fd(skel->maps.events), bpf_map__max_entries(skel->maps.events),
                               on_record, NULL);
    if (err != 0)
        fail(EXIT_RUNTIME, "cannot read the BPF ringbuf: %s", strerror(-err));
    uint32_t selected_ids[MAX_EVENTS];
    for (int i = 0; i < opts.event_count; i++)
        selected_ids[i] = opts.events[i].id;
    char net_error[512];
    const int net_err = net_capture_start(selected_ids, opts.event_count, (uint32_t)getpid(), &rings, on_record,
                                          net_error, sizeof(net_error));
    /* the default set names network events: a host where packets cannot be captured (no cgroup v2, cgroup BPF refused
     * in a container, ...) still has everything else traced, and says so in one line */
    if (net_err != 0)
        fprintf(stderr, "sluice-loader: %s; network events are not captured\n", net_error);

    uint64_t previous[cpus];
    memset(previous, 0, sizeof(previous));
    printf("ready\n");
    fflush(stdout);

    int64_t next_report = now_nanos(CLOCK_MONOTONIC);
    int64_t last_record = next_report;
    int timeout_ms = POLL_BUSY_MS;
    while (!stopping) {
        const int n = kernel_rings_poll(&rings, timeout_ms);
        if (n < 0 && n != -EINTR)
            fail(EXIT_RUNTIME, "reading the BPF ringbuf failed: %s", strerror(-n));
        if (getppid() == 1)
            break;
        int64_t now = now_nanos(CLOCK_MONOTONIC);
        if (n > 0) {
            last_record = now;
            timeout_ms = POLL_BUSY_MS;
        } else if (n == 0 && now - last_record >= QUIET_NANOS) {
            timeout_ms = timeout_ms * 2 < POLL_QUIET_MS ? timeout_ms * 2 : POLL_QUIET_MS;
        }
        if (now >= next_report) {
            report_losses(skel, previous, cpus);
            next_report = now + 100 * 1000 * 1000;
        }
        ring_doorbell();
    }
    /* detach first so nothing new arrives, then drain what the kernel holds: while a ring still holds bytes (a program
     * that was running on another CPU at the detach may have reserved a record and commit it a moment later), for at
     * most EXIT_DRAIN_NANOS */
    sluice_bpf__detach(skel);
    net_capture_detach();
    drain_at_exit(&rings);
    report_losses(skel, previous, cpus);
    ring_doorbell();
    uint64_t tree_lost[cpus];
    uint32_t tree_index = 1;
    if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.lost), &tree_index, tree_lost) == 0) {
        uint64_t total = 0;
        for (int cpu = 0; cpu < cpus; cpu++)
            total += tree_lost[cpu];
        if (total > 0)
            fprintf(stderr, "sluice-loader: %llu fork/exec/exit records for the process tree did not fit the kernel "
                            "ring; some executables and ancestors may be stale (raise --ringbuf-bytes)\n",
                    (unsigned long long)total);
    }
    kernel_rings_free(&rings);
    net_capture_destroy();
    sluice_bpf__destroy(skel);
    if (opts.verbose)
        fprintf(stderr, "sluice-loader: delivered %llu\n", (unsigned long long)delivered);
    return 0;
}

int main(int argc, char **argv)
{
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent)
        return EXIT_RUNTIME; /* the parent died before we asked */

    parse_options(argc, argv);

    struct sigaction action = {0};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    signal(SIGPIPE, SIG_IGN);

    char error[512];
    if (sl_ring_open(&ring, opts.ring_path, error, sizeof(error)) != 0)
        fail(EXIT_RUNTIME, "%s", error);
    boot_to_epoch = now_nanos(CLOCK_REALTIME) - now_nanos(CLOCK_BOOTTIME);

    int code = opts.self_test > 0 ? self_test(opts.self_test) : trace();
    sl_ring_close(&ring);
    return code;
}
