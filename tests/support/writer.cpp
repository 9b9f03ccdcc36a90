#include "writer.h"

#include "mysql/connection.h"
#include "sandbox.h"

namespace Topograph::Test {

Writer::Writer(Sandbox &sandbox, const QString &node)
{
    ConnectionOptions o;
    o.key = InstanceKey(QStringLiteral("127.0.0.1"), sandbox.port(node));
    o.user = QStringLiteral("app");
    o.password = sandbox.appPassword();
    o.readTimeoutMs = 1000;
    m_thread = std::thread([this, o] {
        Connection c(o);
        if (!c.open())
            return;
        for (qint64 id = 1; !m_stop; ++id) {
            if (!c.execute(QStringLiteral("INSERT INTO app.w (id) VALUES (%1)").arg(id)))
                return;
            m_acked = id;
        }
    });
}

Writer::~Writer()
{
    stop();
}

void Writer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

bool Writer::createTable(Sandbox &sandbox, const QString &node)
{
    bool ok = false;
    sandbox.sql(node, QStringLiteral("CREATE TABLE IF NOT EXISTS app.w (id BIGINT PRIMARY KEY)"), &ok);
    return ok;
}

} // namespace Topograph::Test
