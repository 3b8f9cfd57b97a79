#include "resources.h"

#include <QtGlobal>

static void initKillscopeResources()
{
    Q_INIT_RESOURCE(killscope);
}

namespace ks {

void initResources()
{
    static const bool once = [] {
        initKillscopeResources();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace ks
