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
    InstanceFacts seed = previous;
    if (!seed.key.isValid())
        seed.key = m_key;
    return m_probe.run(*m_connection, seed);
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
