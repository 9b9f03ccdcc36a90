#include "instancesession.h"

#include "mysql/connection.h"

namespace Topograph {

InstanceSession::InstanceSession(ConnectionOptions options)
    : m_key(options.key)
    , m_connection(std::make_unique<Connection>(std::move(options)))
{}

InstanceSession::~InstanceSession() = default;

InstanceFacts InstanceSession::probe(const InstanceFacts &previous)
{
    return probeAsync(previous, nullptr).runSync();
}

Task<InstanceFacts> InstanceSession::probeAsync(InstanceFacts previous, Reactor *reactor)
{
    if (!previous.key.isValid())
        previous.key = m_key;
    return m_probe.runAsync(*m_connection, std::move(previous), reactor);
}

bool InstanceSession::isOpen() const
{
    return m_connection->isOpen();
}

int InstanceSession::socketDescriptor() const
{
    return m_connection->isOpen() ? m_connection->socketDescriptor() : -1;
}

qint64 InstanceSession::connectCount() const
{
    return m_connection->connectCount();
}

void InstanceSession::close()
{
    m_connection->close();
}

} // namespace Topograph
