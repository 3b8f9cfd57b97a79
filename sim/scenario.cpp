#include "scenario.h"

#include <algorithm>

namespace ks::sim {

bool Scenario::supports(Flavor f) const
{
    return std::find(flavors.begin(), flavors.end(), f) != flavors.end();
}

int Scenario::sessionIndex(const std::string &name) const
{
    for (size_t i = 0; i < sessions.size(); ++i) {
        if (sessions[i].name == name)
            return int(i);
    }
    return -1;
}

} // namespace ks::sim
