#pragma once

#include <QObject>

namespace ks {

} // namespace ks
