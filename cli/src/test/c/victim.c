/* Does what the kernel tracing test looks for: opens a file, listens and connects on loopback, ptrace(TRACEME).
 * Usage: victim FILE. Prints the port it connected to. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2)
    {
        return 2;
    }
    int fd = openat(AT_FDCWD, argv[1], O_RDONLY);
    if (fd < 0)
    {
        perror("openat");
        return 1;
    }
    close(fd);
    int server = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (bind(server, (struct sockaddr *)&address, sizeof(address)) != 0 || listen(server, 1) != 0 ||
        getsockname(server, (struct sockaddr *)&address, &length) != 0)
    {
        perror("listen");
        return 1;
    }
    int client = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(client, (struct sockaddr *)&address, sizeof(address)) != 0)
    {
        perror("connect");
        return 1;
    }
    if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) != 0)
    {
        perror("ptrace");
        return 1;
    }
    printf("%d\n", ntohs(address.sin_port));
    close(client);
    close(server);
    return 0;
}
