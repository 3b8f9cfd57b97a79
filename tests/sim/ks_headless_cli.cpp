// The headless entry point on its own, so the tests can drive `--headless` without the GUI
// executable. It parses with the program's one CommandLine, as ui/main.cpp does.

#include "commandline.h"
#include "headless.h"
#include "resources.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    const QStringList arguments = ks::CommandLine::takeArguments(argc, argv);
    QCoreApplication app(argc, argv);
    ks::initResources();
    ks::CommandLine commandLine;
    if (!commandLine.parse(arguments)) {
        std::fprintf(stderr, "killscope: %s\n", qPrintable(commandLine.errorText()));
        return 2;
    }
    if (commandLine.mode() != ks::CommandLine::Mode::Headless) {
        std::fprintf(stderr, "ks_headless_cli runs --headless only\n");
        return 2;
    }
    return ks::runHeadless(commandLine.headlessRequest());
}
