#include "clicontext.h"

#include <cstdio>

namespace Topograph::Cli {

Context::Context(GlobalOptions options)
    : m_options(std::move(options))
    , m_out(stdout)
    , m_err(stderr)
{}

int Context::fail(const QString &message, int code)
{
    m_err << "topograph-cli: " << message << Qt::endl;
    return code;
}

} // namespace Topograph::Cli
