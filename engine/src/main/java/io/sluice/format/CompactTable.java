package io.sluice.format;

import io.sluice.codec.catalog.EventCatalog;
import io.sluice.codec.catalog.EventDefinition;
import io.sluice.codec.sbe.PresenceDecoder;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code compact} line looks like for each event, as data: event name, emoji, label, details. The details are
 * {@code exec} (Tetragon's process arguments; {@code exec:ARG} with the executed path first), {@code exit} (signal or
 * status), {@code threat} (detections: the label is the severity), or the arguments to print, space-separated, in
 * {@link CompactArg}'s notation. An event without a row prints {@code ⚙️ syscall} (a syscall of the catalog) or
 * {@code ❓ event} (anything else) with its name and every argument, and an event that carries a threat prints as a
 * detection. docs/formats.md shows the table.
 */
final class CompactTable
{
    /** Event name, emoji, label, details. */
    private static final String[][] ROWS = {
        {"sched_process_exec", "🚀", "process", "exec"},
        {"sched_process_exit", "💥", "exit", "exit"},
        {"sched_process_fork", "🔀", "fork", "child_pid"},
        {"execve", "🚀", "execve", "exec:pathname"},
        {"execveat", "🚀", "execveat", "exec:pathname"},
        {"kill", "💀", "kill", "pid sig:signal"},
        {"ptrace", "🔍", "ptrace", "request= pid="},
        {"setuid", "🔑", "setuid", "uid"},
        {"setgid", "🔑", "setgid", "gid"},
        {"prctl", "🔧", "prctl", "option="},
        {"mount", "💾", "mount", "source target"},
        {"umount2", "💾", "umount", "target"},
        {"init_module", "🧩", "module", "param_values"},
        {"finit_module", "🧩", "module", "fd= param_values"},
        {"bpf", "🐝", "bpf", "cmd:bpf"},
        {"memfd_create", "🧠", "memfd", "name"},
        {"openat", "📬", "open", "pathname"},
        {"openat2", "📬", "open", "pathname"},
        {"mkdirat", "📁", "mkdir", "pathname"},
        {"unlinkat", "🚮", "unlink", "pathname"},
        {"fchmodat", "🔐", "chmod", "pathname mode:octal"},
        {"renameat2", "🔁", "rename", "oldpath newpath"},
        {"socket", "🔌", "socket", "domain= type= protocol="},
        {"connect", "🔌", "connect", "addr"},
        {"bind", "🔌", "bind", "addr"},
        {"listen", "👂", "listen", "sockfd= backlog="},
        {"accept4", "🔌", "accept", "addr"},
        {"net_packet_ipv4", "📦", "ipv4", "src= dst="},
        {"net_packet_ipv6", "📦", "ipv6", "src= dst="},
        {"net_packet_tcp", "📦", "tcp", "src= src_port= dst= dst_port="},
        {"net_packet_udp", "📦", "udp", "src= src_port= dst= dst_port="},
        {"net_packet_icmp", "📦", "icmp", "src= dst= proto_icmp"},
        {"net_packet_icmpv6", "📦", "icmpv6", "src= dst= proto_icmpv6"},
        {"net_packet_dns", "🌐", "dns", "src= dst= proto_dns"},
        {"net_packet_dns_request", "🌐", "dns", "dns_questions"},
        {"net_packet_dns_response", "🌐", "dns", "dns_response"},
        {"net_packet_http", "🌐", "http", "src= dst= proto_http"},
        {"net_packet_http_request", "🌐", "http", "http_request"},
        {"net_packet_http_response", "🌐", "http", "http_response"},
        {"security_file_open", "📂", "open", "pathname"},
        {"security_inode_unlink", "🚮", "unlink", "pathname"},
        {"security_inode_rename", "🔁", "rename", "old_path new_path"},
        {"security_sb_mount", "💾", "mount", "dev_name path type"},
        {"security_bprm_check", "🚀", "bprm", "pathname"},
        {"magic_write", "🪄", "magic", "pathname"},
        {"security_socket_connect", "🔌", "connect", "remote_addr"},
        {"security_socket_bind", "🔌", "bind", "local_addr"},
        {"security_socket_accept", "🔌", "accept", "local_addr"},
        {"security_file_mprotect", "🛡️", "mprot", "pathname prot="},
        {"mem_prot_alert", "🧨", "memprot", "alert= prot= pathname"},
        {"container_create", "📦", "create", "runtime container_id"},
        {"container_remove", "📦", "remove", "runtime container_id"},
        {"sys_enter", "⚙️", "enter", "syscall="},
        {"sys_exit", "⚙️", "exit", "syscall="},
        {"do_exit", "💥", "doexit", "returnValue="},
        {"cap_capable", "🎖️", "cap", "cap="},
        {"shared_object_loaded", "📚", "solib", "pathname"},
        {"sched_switch", "🔀", "switch", "prev_tid= next_tid= next_comm"},
        {"vfs_write", "✍️", "write", "pathname count= pos="},
        {"vfs_writev", "✍️", "write", "pathname vlen= pos="},
        {"vfs_read", "📖", "read", "pathname count= pos="},
        {"vfs_readv", "📖", "read", "pathname vlen= pos="},
        {"switch_task_ns", "🧭", "setns", "pid= new_mnt= new_pid= new_uts= new_ipc= new_net= new_cgroup="},
        {"cgroup_attach_task", "🧺", "cgroup", "cgroup_path pid="},
        {"cgroup_mkdir", "🧺", "cgroup", "cgroup_path"},
        {"cgroup_rmdir", "🧺", "cgroup", "cgroup_path"},
        {"security_socket_create", "🔌", "socket", "family= type= protocol="},
        {"security_socket_listen", "👂", "listen", "local_addr backlog="},
        {"security_socket_setsockopt", "🔧", "sockopt", "sockfd= level= optname="},
        {"security_bpf", "🐝", "bpf", "cmd:bpf"},
        {"security_bpf_map", "🐝", "bpfmap", "map_name map_id="},
        {"security_bpf_prog", "🐝", "bpfprog", "name type= id="},
        {"security_inode_mknod", "📁", "mknod", "file_name mode:octal"},
        {"security_inode_symlink", "🔗", "symlink", "linkpath target"},
        {"security_mmap_file", "🧠", "mmap", "pathname prot="},
        {"socket_dup", "🔌", "dup", "oldfd= newfd= remote_addr"},
        {"socket_accept", "🔌", "accept", "local_addr remote_addr"},
        {"task_rename", "🏷️", "rename", "old_name new_name"},
        {"do_sigaction", "📶", "sigact", "sig:signal sa_handle_method="},
        {"do_mmap", "🧠", "mmap", "pathname len= prot="},
        {"do_truncate", "✂️", "trunc", "pathname length="},
        {"set_fs_pwd", "📁", "chdir", "resolved_path"},
        {"security_path_notify", "👀", "notify", "pathname mask="},
        {"vfs_utimes", "🕒", "utimes", "pathname atime= mtime="},
        {"process_execute_failed", "🚫", "execfail", "pathname"},
        {"security_task_setrlimit", "📏", "rlimit", "resource= new_rlim_cur= new_rlim_max="},
        {"chmod_common", "🔐", "chmod", "pathname mode:octal"},
        {"security_sb_umount", "💾", "umount", "mountpoint"},
        {"anti_debugging", "⚠️", "", "threat"},
        {"dropped_executable", "⚠️", "", "threat"},
        {"hidden_file_created", "⚠️", "", "threat"},
        {"fileless_execution", "⚠️", "", "threat"},
        {"kernel_module_loading", "⚠️", "", "threat"},
        {"shadow_file_access", "⚠️", "", "threat"},
        {"ld_preload", "⚠️", "", "threat"},
        {"sudoers_modification", "⚠️", "", "threat"},
        {"scheduled_task_mod", "⚠️", "", "threat"},
        {"rcd_modification", "⚠️", "", "threat"},
        {"cgroup_release_agent", "⚠️", "", "threat"},
        {"cgroup_notify_on_release", "⚠️", "", "threat"},
        {"core_pattern_modification", "⚠️", "", "threat"},
        {"system_request_key_mod", "⚠️", "", "threat"},
        {"proc_kcore_read", "⚠️", "", "threat"},
        {"sched_debug_recon", "⚠️", "", "threat"},
        {"aslr_inspection", "⚠️", "", "threat"},
        {"proc_mem_access", "⚠️", "", "threat"},
        {"proc_mem_code_injection", "⚠️", "", "threat"},
        {"default_loader_mod", "⚠️", "", "threat"},
        {"k8s_service_account_token", "⚠️", "", "threat"},
        {"k8s_cert_theft", "⚠️", "", "threat"},
        {"docker_abuse", "⚠️", "", "threat"},
        {"disk_mount", "⚠️", "", "threat"},
        {"illegitimate_shell", "⚠️", "", "threat"},
        {"ptrace_code_injection", "⚠️", "", "threat"},
        {"process_vm_write_inject", "⚠️", "", "threat"},
        {"k8s_api_connection", "⚠️", "", "threat"},
        {"stdio_over_socket", "⚠️", "", "threat"},
        {"dynamic_code_loading", "⚠️", "", "threat"},
    };
    private static final String THREAT_EMOJI = "⚠️";

    private final CompactEntry[] byId;
    private final CompactEntry[] genericById;
    private final CompactEntry threat;
    private final CompactEntry unknown;

    /**
     * Build the entries (each with its own renderers) for the events of a catalog.
     *
     * @param catalog the event catalog.
     */
    CompactTable(final EventCatalog catalog)
    {
        byId = new CompactEntry[catalog.maxId() + 1];
        genericById = new CompactEntry[catalog.maxId() + 1];
        threat = CompactEntry.bySeverity(THREAT_EMOJI, new CompactThreatDetails(catalog));
        final CompactDetails generic = new CompactGenericDetails(catalog);
        unknown = CompactEntry.of("❓", "event", generic);
        final CompactEntry syscall = CompactEntry.of("⚙️", "syscall", generic);
        for (final EventDefinition event : catalog.events())
        {
            genericById[event.id()] = event.isSyscall() ? syscall : unknown;
        }
        for (final String[] row : ROWS)
        {
            final EventDefinition event = catalog.byName(row[0]);
            if (event != null)
            {
                byId[event.id()] = row[3].equals("threat") ? threat : CompactEntry.of(row[1], row[2], details(row[3]));
            }
        }
    }

    /**
     * @return the names of the events the table has a row for, in its order.
     */
    static List<String> names()
    {
        final List<String> names = new ArrayList<>();
        for (final String[] row : ROWS)
        {
            names.add(row[0]);
        }
        return names;
    }

    /**
     * @param eventId  an event's id.
     * @param presence its presence bits.
     * @return its entry: its row's, else a detection's when it carries a threat, else the generic one.
     */
    CompactEntry entry(final int eventId, final int presence)
    {
        if (eventId >= 0 && eventId < byId.length && byId[eventId] != null)
        {
            return byId[eventId];
        }
        if (PresenceDecoder.threat(presence))
        {
            return threat;
        }
        if (eventId >= 0 && eventId < genericById.length && genericById[eventId] != null)
        {
            return genericById[eventId];
        }
        return unknown;
    }

    private static CompactDetails details(final String spec)
    {
        if (spec.equals("exec"))
        {
            return new CompactExecDetails(null);
        }
        if (spec.startsWith("exec:"))
        {
            return new CompactExecDetails(spec.substring("exec:".length()));
        }
        if (spec.equals("exit"))
        {
            return new CompactExitDetails();
        }
        final String[] specs = spec.split(" ");
        final CompactArg[] args = new CompactArg[specs.length];
        for (int i = 0; i < specs.length; i++)
        {
            args[i] = CompactArg.parse(specs[i]);
        }
        return new CompactArgsDetails(args);
    }
}
