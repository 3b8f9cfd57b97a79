#pragma once

#include <QObject>

namespace ks {

// `killscope --lab ...` from main(): the connection options are live mode's, the lab options
// LabMode's; no window is opened. Returns the process exit code (LabMode::Exit).
int runLabCommandLine(int argc, char **argv);

} // namespace ks
