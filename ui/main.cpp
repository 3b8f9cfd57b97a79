#include "headless.h"
#include "headlesspng.h"
#include "killscope.h"
#include "language.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "playbackcontroller.h"
#include "resources.h"
#include "simulationsource.h"
#include "timetext.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstring>

namespace {

bool hasArg(int argc, char *argv[], const char *name)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], name) == 0)
            return true;
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // The text-only headless mode needs no widgets (and no display).
    if (hasArg(argc, argv, "--headless") && !hasArg(argc, argv, "--png"))
        return ks::runHeadless(argc, argv);

    // Slides from a script, --help and --version must work without a display; the window
    // itself cannot, and says so instead of Qt's platform-plugin abort.
    const bool noDisplay = qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
                           && qEnvironmentVariableIsEmpty("DISPLAY")
                           && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (noDisplay) {
        bool textOnly = false;
        for (const char *arg : {"--png", "--help", "-h", "--help-all", "-?", "--version", "-v"})
            textOnly = textOnly || hasArg(argc, argv, arg);
        if (!textOnly) {
            std::fprintf(stderr,
                         "killscope: no display (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                         "  Run it in a desktop session or under Xvfb (xvfb-run -a killscope),\n"
                         "  or use --headless (text) or --png FILE (a picture) without one.\n");
            return 1;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    // QApplication takes its own options (-geometry) out of argv: look first.
    const bool explicitGeometry = hasArg(argc, argv, "-geometry") || hasArg(argc, argv, "--geometry");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("KillScope"));
    QApplication::setOrganizationName(QStringLiteral("KillScope"));
    QApplication::setApplicationVersion(ks::version());
    ks::initResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "KillScope shows what KILL QUERY and KILL CONNECTION really do on MySQL and MariaDB."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("User interface language: en or zh_CN."),
                                        QStringLiteral("language"));
    const QCommandLineOption scenarioOption(
        QStringLiteral("scenario"),
        QStringLiteral("Built-in scenario id or scenario file (default: concurrency-queue)."),
        QStringLiteral("id|file"));
    const QCommandLineOption flavorOption(
        QStringLiteral("flavor"), QStringLiteral("mysql-5.7, mysql-8.0 or mariadb-10.11."),
        QStringLiteral("flavor"));
    const QCommandLineOption pngOption(
        QStringLiteral("png"), QStringLiteral("Write the swimlanes at --at as a PNG and exit."),
        QStringLiteral("file"));
    const QCommandLineOption atOption(QStringLiteral("at"),
                                      QStringLiteral("Playhead time (also for --png): 1.5s, 200ms, 3000us."),
                                      QStringLiteral("time"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Image size for --png (default 1600x900)."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption noCaptionOption(
        QStringLiteral("no-caption"), QStringLiteral("--png without the narration caption."));
    const QCommandLineOption presentOption(QStringLiteral("present"),
                                           QStringLiteral("Start in presentation mode."));
    parser.addOptions({langOption, scenarioOption, flavorOption, pngOption, atOption, sizeOption,
                       noCaptionOption, presentOption});
    ks::LiveController::addCommandLineOptions(parser);
    parser.addPositionalArgument(QStringLiteral("scenario"),
                                 QStringLiteral("A scenario file or built-in id to open."),
                                 QStringLiteral("[scenario]"));
    parser.process(app);

    ks::switchLanguage(ks::chooseLanguage(parser.value(langOption)));

    QString scenario = parser.value(scenarioOption);
    if (scenario.isEmpty() && !parser.positionalArguments().isEmpty())
        scenario = parser.positionalArguments().first();

    if (parser.isSet(pngOption)) {
        ks::PngRequest request;
        request.output = parser.value(pngOption);
        request.scenario = scenario;
        request.flavor = parser.value(flavorOption);
        if (parser.isSet(atOption)) {
            QString why;
            const std::optional<qint64> at = ks::parseTimeUs(parser.value(atOption), &why);
            if (!at) {
                std::fprintf(stderr, "killscope: --at %s: %s\n", qPrintable(parser.value(atOption)),
                             qPrintable(why));
                return 2;
            }
            request.atUs = *at;
        }
        if (parser.isSet(sizeOption)) {
            request.size = ks::parseSize(parser.value(sizeOption));
            if (!request.size.isValid()) {
                std::fprintf(stderr, "killscope: --size: expected WxH, e.g. 1600x900: %s\n",
                             qPrintable(parser.value(sizeOption)));
                return 2;
            }
        }
        request.caption = !parser.isSet(noCaptionOption);
        return ks::runPngExport(request);
    }

    ks::MainWindow window;
    ks::LiveController live(&window);
    // An explicit -geometry (screenshots, scripts) wins over the remembered layout.
    if (!explicitGeometry)
        window.restoreLayout();
    window.openScenario(scenario.isEmpty() ? ks::SimulationSource::defaultScenarioId() : scenario,
                        parser.value(flavorOption));
    if (parser.isSet(atOption)) {
        QString why;
        if (const std::optional<qint64> at = ks::parseTimeUs(parser.value(atOption), &why))
            window.playback()->setPosition(*at);
        else
            std::fprintf(stderr, "killscope: --at %s: %s\n", qPrintable(parser.value(atOption)),
                         qPrintable(why));
    }
    window.show();
    if (parser.isSet(presentOption))
        window.setPresentationMode(true);

    ks::ConnectionSettings settings;
    bool readOnly = false;
    QString error;
    if (ks::LiveController::settingsFromCommandLine(parser, &settings, &readOnly, &error))
        live.connectTo(settings, readOnly);
    else if (!error.isEmpty())
        std::fprintf(stderr, "killscope: %s\n", qPrintable(error));
    return app.exec();
}
