#pragma once

namespace ks {

// Registers the resources compiled into the static ks_model library (built-in scenarios,
// icons). A static library's resource object is only linked in when something references
// it, so every program that uses ks_model calls this once before touching ":/...".
void initResources();

} // namespace ks
