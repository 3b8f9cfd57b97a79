#pragma once

// A TCP proxy in front of the test server that removes CLIENT_SSL from the server's greeting, so
// the client believes the server offers no TLS: a server without TLS, or an attacker in between
// stripping it. Everything else is passed through unchanged, both ways. It runs on its own
// threads, so a test may open connections through it synchronously.

#include <QString>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace ks::test {

class TlsStripProxy
{
public:
    TlsStripProxy(const QString &host, int port)
        : m_targetHost(host.toStdString())
        , m_targetPort(port)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 ||
            ::listen(m_listen, 16) != 0)
            return;
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }

    ~TlsStripProxy()
    {
        m_stop = true;
        if (m_acceptor.joinable())
            m_acceptor.join();
        std::vector<std::thread> workers;
        {
            std::lock_guard lock(m_mutex);
            workers.swap(m_workers);
        }
        for (std::thread &t : workers)
            t.join();
        if (m_listen >= 0)
            ::close(m_listen);
    }

    TlsStripProxy(const TlsStripProxy &) = delete;
    TlsStripProxy &operator=(const TlsStripProxy &) = delete;

    int port() const { return m_port; } // 0 when the proxy could not listen
    int stripped() const { return m_stripped; }

private:
    void acceptLoop()
    {
        while (!m_stop) {
            pollfd p{m_listen, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0)
                continue;
            std::lock_guard lock(m_mutex);
            m_workers.emplace_back([this, client] { serve(client); });
        }
    }

    static bool readFully(int fd, unsigned char *buf, size_t n)
    {
        size_t got = 0;
        while (got < n) {
            const ssize_t r = ::read(fd, buf + got, n - got);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                return false;
            got += size_t(r);
        }
        return true;
    }

    static bool writeFully(int fd, const unsigned char *buf, size_t n)
    {
        size_t put = 0;
        while (put < n) {
            const ssize_t w = ::write(fd, buf + put, n - put);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return false;
            put += size_t(w);
        }
        return true;
    }

    void serve(int client)
    {
        const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(quint16(m_targetPort));
        ::inet_pton(AF_INET, m_targetHost.c_str(), &a.sin_addr);
        if (server >= 0 && ::connect(server, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0) {
            // The greeting: 3-byte length, sequence id, then protocol 10, the version string, the
            // thread id (4), 8 bytes of scramble, a filler and the lower capability flags.
            unsigned char header[4];
            std::vector<unsigned char> greeting;
            if (readFully(server, header, 4)) {
                const size_t len =
                    size_t(header[0]) | size_t(header[1]) << 8 | size_t(header[2]) << 16;
                greeting.resize(len);
                if (readFully(server, greeting.data(), len)) {
                    size_t i = 1;
                    while (i < len && greeting[i] != 0)
                        ++i;
                    const size_t caps = i + 1 + 4 + 8 + 1;
                    if (caps + 1 < len) {
                        greeting[caps + 1] &=
                            static_cast<unsigned char>(~0x08); // CLIENT_SSL 0x0800
                        ++m_stripped;
                    }
                    if (writeFully(client, header, 4) && writeFully(client, greeting.data(), len))
                        pump(client, server);
                }
            }
        }
        if (server >= 0)
            ::close(server);
        ::close(client);
    }

    void pump(int client, int server)
    {
        unsigned char buf[16384];
        while (!m_stop) {
            pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(p, 2, 50) <= 0)
                continue;
            for (int k = 0; k < 2; ++k) {
                if (!(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const ssize_t n = ::read(p[k].fd, buf, sizeof buf);
                if (n <= 0 || !writeFully(k == 0 ? server : client, buf, size_t(n)))
                    return;
            }
        }
    }

    std::string m_targetHost;
    int m_targetPort;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_stripped{0};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::vector<std::thread> m_workers;
};

} // namespace ks::test
