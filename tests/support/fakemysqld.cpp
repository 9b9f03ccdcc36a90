// A fleet of fake MySQL servers in one process, for bench_poll's simulated fleet (see
// fakemysqlserver.h). Prints "ready N" once every address listens; ends on SIGTERM/SIGINT or
// when its parent dies.
//
//   fakemysqld --first 127.1.0.1 --count 4000 --port 3306
#include "fakemysqlserver.h"

#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace {

volatile bool g_stop = false;

extern "C" void onSignal(int)
{
    g_stop = true;
}

} // namespace

int main(int argc, char *argv[])
{
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    const char *first = "127.1.0.1";
    int count = 1;
    int port = 3306;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--first"))
            first = argv[i + 1];
        else if (!std::strcmp(argv[i], "--count"))
            count = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--port"))
            port = std::atoi(argv[i + 1]);
    }
    in_addr a{};
    if (inet_pton(AF_INET, first, &a) != 1 || (ntohl(a.s_addr) >> 24) != 127 || count < 1 || port < 1) {
        std::fprintf(stderr, "fakemysqld: --first must be a loopback address (127.x.y.z), --count and --port positive\n");
        return 2;
    }
    // A listening socket and a connection per simulated server.
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    Topograph::Test::FakeMySqlServer server(ntohl(a.s_addr), count, port);
    if (!server.listen()) {
        std::fprintf(stderr, "fakemysqld: %s\n", server.error().c_str());
        return 1;
    }
    std::printf("ready %d\n", count);
    std::fflush(stdout);
    server.run(&g_stop);
    return 0;
}
