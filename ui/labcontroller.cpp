#include "labcontroller.h"

#include "labmode.h"
#include "livecontroller.h"
#include "resources.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>
#include <memory>

namespace ks {

int runLabCommandLine(int argc, char **argv)
{
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance())
        app = std::make_unique<QCoreApplication>(argc, argv);
    initResources();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("KillScope lab mode: run a scenario on a real server next to its "
                       "simulation and list the differences."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("scenario"),
                      QStringLiteral("Built-in scenario id or scenario file."),
                      QStringLiteral("id|file")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Ignored in lab mode."),
                      QStringLiteral("language")});
    LabMode::addCommandLineOptions(parser);
    LiveController::addCommandLineOptions(parser);
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (!parser.parse(args)) {
        std::fprintf(stderr, "killscope: %s\n", qPrintable(parser.errorText()));
        return LabMode::BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    LabOptions options;
    QString error;
    if (!LabMode::optionsFromCommandLine(parser, &options, &error)) {
        std::fprintf(stderr, "killscope: %s\n", qPrintable(error));
        return LabMode::BadInput;
    }
    ConnectionSettings settings;
    if (!LiveController::settingsFromCommandLine(parser, &settings, nullptr, &error)) {
        std::fprintf(
            stderr,
            "killscope: --lab needs a server: --socket PATH or --host H [--port P], and --user\n");
        return LabMode::BadInput;
    }
    if (!error.isEmpty())
        std::fprintf(stderr, "killscope: %s\n", qPrintable(error));
    return LabMode::run(options, settings);
}

} // namespace ks
