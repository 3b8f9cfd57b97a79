#pragma once

#include <QString>

namespace ks {

// The program's version, as CMake's project() declares it.
inline QString version()
{
    return QStringLiteral(KILLSCOPE_VERSION);
}

} // namespace ks
