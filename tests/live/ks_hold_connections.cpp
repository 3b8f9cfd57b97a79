// Holds many client connections to a MariaDB server open, for live mode with thousands of
// sessions (tst_live_many, bench_live_scale): a process of its own, so its file descriptors,
// threads and CPU are not those of the program under test.
//
//   ks_hold_connections --socket PATH --user U --password-env VAR [--database DB]
//
// Reads commands from stdin, one a line, and answers each on stdout when it is done:
//   idle N       keep N idle connections open (opens or closes to reach N)   → "idle N"
//   busy N       keep N connections that run short statements back to back    → "busy N"
//   churn R      close and reopen R idle connections a second (pool recycling) → "churn R"
//   ids          the connection ids of the idle connections, space-separated  → "ids …"
// End of stdin (or SIGTERM) closes everything and exits.
//
// Written against libmariadb directly: 10,000 QSqlDatabase objects would cost the holder more
// than the server, and nothing here needs Qt.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <mysql.h>
#include <random>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

namespace {

struct Options
{
    std::string socket, user, password, database;
};

MYSQL *openOne(const Options &o)
{
    MYSQL *m = mysql_init(nullptr);
    if (!m)
        return nullptr;
    const unsigned timeout = 20;
    mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    if (!mysql_real_connect(m, "localhost", o.user.c_str(), o.password.c_str(),
                            o.database.empty() ? nullptr : o.database.c_str(), 0, o.socket.c_str(),
                            0)) {
        std::fprintf(stderr, "ks_hold_connections: connect failed: %s\n", mysql_error(m));
        mysql_close(m);
        return nullptr;
    }
    return m;
}

// Opens `count` connections on a few threads (the server's accept and login are the slow part).
std::vector<MYSQL *> openMany(const Options &o, size_t count)
{
    std::vector<MYSQL *> out(count, nullptr);
    std::atomic<size_t> next{0};
    std::vector<std::thread> workers;
    const unsigned n = count < 64 ? 1 : 4;
    for (unsigned t = 0; t < n; ++t) {
        workers.emplace_back([&] {
            mysql_thread_init();
            for (size_t i = next++; i < count; i = next++)
                out[i] = openOne(o);
            mysql_thread_end();
        });
    }
    for (std::thread &w : workers)
        w.join();
    std::vector<MYSQL *> ok;
    ok.reserve(count);
    for (MYSQL *m : out)
        if (m)
            ok.push_back(m);
    return ok;
}

class Holder
{
public:
    explicit Holder(Options o)
        : m_options(std::move(o))
    {}

    ~Holder()
    {
        setChurn(0);
        setBusy(0);
        std::lock_guard lock(m_idleMutex);
        for (MYSQL *m : m_idle)
            mysql_close(m);
    }

    size_t setIdle(size_t n)
    {
        std::lock_guard lock(m_idleMutex);
        if (m_idle.size() < n) {
            std::vector<MYSQL *> more = openMany(m_options, n - m_idle.size());
            m_idle.insert(m_idle.end(), more.begin(), more.end());
        }
        while (m_idle.size() > n) {
            mysql_close(m_idle.back());
            m_idle.pop_back();
        }
        return m_idle.size();
    }

    size_t setBusy(size_t n)
    {
        while (m_busy.size() > n) {
            m_busy.back()->stop = true;
            m_busy.back()->thread.join();
            m_busy.pop_back();
        }
        while (m_busy.size() < n) {
            auto b = std::make_unique<Busy>();
            Busy *self = b.get();
            const unsigned seed = unsigned(m_busy.size() * 7919 + 17);
            b->thread = std::thread([this, self, seed] { runBusy(self, seed); });
            m_busy.push_back(std::move(b));
        }
        return m_busy.size();
    }

    void setChurn(int perSecond)
    {
        if (m_churner.joinable()) {
            m_churnStop = true;
            m_churner.join();
        }
        m_churnStop = false;
        if (perSecond <= 0)
            return;
        m_churner = std::thread([this, perSecond] {
            mysql_thread_init();
            std::mt19937 rng(4242);
            const auto step = std::chrono::microseconds(1000000 / perSecond);
            auto due = std::chrono::steady_clock::now();
            while (!m_churnStop) {
                due += step;
                std::this_thread::sleep_until(due);
                MYSQL *fresh = openOne(m_options);
                if (!fresh)
                    continue;
                std::lock_guard lock(m_idleMutex);
                if (m_idle.empty()) {
                    mysql_close(fresh);
                    continue;
                }
                const size_t i = rng() % m_idle.size();
                mysql_close(m_idle[i]);
                m_idle[i] = fresh;
            }
            mysql_thread_end();
        });
    }

    std::string ids()
    {
        std::lock_guard lock(m_idleMutex);
        std::ostringstream s;
        for (MYSQL *m : m_idle)
            s << ' ' << mysql_thread_id(m);
        return s.str();
    }

private:
    struct Busy
    {
        std::thread thread;
        std::atomic<bool> stop{false};
    };

    void runBusy(Busy *self, unsigned seed)
    {
        mysql_thread_init();
        MYSQL *m = openOne(m_options);
        std::mt19937 rng(seed);
        while (m && !self->stop) {
            // Short statements with pauses between them: the processlist shows this connection
            // going Query → Sleep → Query with changing Info, as an application's would.
            const int ms = 20 + int(rng() % 400);
            const std::string sql = "SELECT SLEEP(" + std::to_string(ms / 1000.0) + ") /* order " +
                                    std::to_string(rng() % 100000) + " */";
            if (mysql_query(m, sql.c_str()) == 0) {
                if (MYSQL_RES *r = mysql_store_result(m))
                    mysql_free_result(r);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 300));
        }
        if (m)
            mysql_close(m);
        mysql_thread_end();
    }

    Options m_options;
    std::mutex m_idleMutex;
    std::vector<MYSQL *> m_idle;
    std::vector<std::unique_ptr<Busy>> m_busy;
    std::thread m_churner;
    std::atomic<bool> m_churnStop{false};
};

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const char *value = argv[i + 1];
        if (key == "--socket")
            o.socket = value;
        else if (key == "--user")
            o.user = value;
        else if (key == "--password-env")
            o.password = std::getenv(value) ? std::getenv(value) : "";
        else if (key == "--database")
            o.database = value;
        else {
            std::fprintf(stderr, "ks_hold_connections: unknown option %s\n", key.c_str());
            return 2;
        }
    }
    if (o.socket.empty() || o.user.empty()) {
        std::fprintf(stderr, "usage: ks_hold_connections --socket PATH --user U --password-env VAR "
                             "[--database DB]\n");
        return 2;
    }
    // One descriptor per connection: take the hard limit.
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    mysql_library_init(0, nullptr, nullptr);
    {
        Holder holder(o);
        std::string line;
        while (std::getline(std::cin, line)) {
            std::istringstream in(line);
            std::string cmd;
            long n = 0;
            in >> cmd >> n;
            if (cmd == "idle")
                std::cout << "idle " << holder.setIdle(size_t(std::max(0L, n))) << std::endl;
            else if (cmd == "busy")
                std::cout << "busy " << holder.setBusy(size_t(std::max(0L, n))) << std::endl;
            else if (cmd == "churn") {
                holder.setChurn(int(n));
                std::cout << "churn " << n << std::endl;
            } else if (cmd == "ids")
                std::cout << "ids" << holder.ids() << std::endl;
            else
                std::cout << "error unknown command " << cmd << std::endl;
        }
    }
    mysql_library_end();
    return 0;
}
