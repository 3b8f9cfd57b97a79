#include "commandline.h"
#include "headless.h"
#include "headlesslive.h"
#include "headlessrecording.h"
#include "headlesspng.h"
#include "killscope.h"
#include "language.h"
#include "livecontroller.h"
#include "mainwindow.h"
#include "optionfile.h"
#include "playbackcontroller.h"
#include "recordingcontroller.h"
#include "resources.h"
#include "recordingsource.h"
#include "simulationsource.h"
#include "livesource.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <cstdio>

namespace {

void printOut(const QString &text)
{
    const QByteArray b = text.toLocal8Bit();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray b = (QStringLiteral("killscope: ") + text + u'\n').toLocal8Bit();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("KillScope"));
    QCoreApplication::setOrganizationName(QStringLiteral("KillScope"));
    QCoreApplication::setApplicationVersion(ks::version());
}

} // namespace

int main(int argc, char *argv[])
{
    // One parse of one definition of every option decides what runs: the window, --headless,
    // --png (with or without --headless), --help or --version.
    const QStringList arguments = ks::CommandLine::takeArguments(argc, argv);
    ks::CommandLine commandLine;
    const bool parsed = commandLine.parse(arguments);
    const ks::CommandLine::Mode mode = commandLine.mode();

    if (!parsed || mode == ks::CommandLine::Mode::Help || mode == ks::CommandLine::Mode::Version) {
        // Text only, no display needed; in the user's language.
        QCoreApplication app(argc, argv);
        setApplicationNames();
        ks::switchLanguage(ks::chooseLanguage(parsed ? commandLine.language() : QString()));
        if (!parsed) {
            printErr(commandLine.errorText());
            printErr(commandLine.tryHelpText());
            return 2;
        }
        printOut(mode == ks::CommandLine::Mode::Help ? commandLine.helpText()
                                                     : commandLine.versionText());
        return 0;
    }

    if (mode == ks::CommandLine::Mode::Headless) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        ks::initResources();
        // Messages and --narration in --lang; without it, English, so scripts get the same text
        // on every machine.
        if (!commandLine.language().isEmpty())
            ks::switchLanguage(ks::chooseLanguage(commandLine.language()));
        return ks::runHeadless(commandLine.headlessRequest());
    }

    if (mode == ks::CommandLine::Mode::Replay) {
        // What a recording holds, for scripts: no server, no window.
        QCoreApplication app(argc, argv);
        setApplicationNames();
        ks::initResources();
        ks::switchLanguage(ks::chooseLanguage(commandLine.language()));
        return ks::runHeadlessReplay(commandLine.replayRequest());
    }

    if (mode == ks::CommandLine::Mode::Live) {
        // The live commands for scripts: no window, the same kill path as the window's.
        QCoreApplication app(argc, argv);
        setApplicationNames();
        ks::switchLanguage(ks::chooseLanguage(commandLine.language()));
        for (const QString &w : commandLine.warnings())
            printErr(w);
        const ks::LiveRequest request = commandLine.liveRequest();
        const ks::ResolvedConnection resolved = ks::resolveConnection(request.connection);
        for (const QString &w : resolved.warnings)
            printErr(w);
        if (!resolved.ok()) {
            for (const QString &e : resolved.errors)
                printErr(e);
            return 2;
        }
        ks::ConnectionSettings settings = resolved.settings;
        if (settings.askPassword) {
            QString password;
            if (!ks::askPasswordOnTerminal(ks::passwordPrompt(), &password)) {
                printErr(ks::passwordNeedsTerminalText());
                return 2;
            }
            settings.password = password;
            settings.askPassword = false;
        }
        if (request.action == ks::LiveRequest::Action::Record) {
            ks::initResources();
            return ks::runHeadlessRecord(request, settings);
        }
        return ks::runHeadlessLive(request, settings);
    }

    if (mode == ks::CommandLine::Mode::Png) {
        // A picture for a script: never a window, never a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setApplicationNames();
        ks::initResources();
        ks::switchLanguage(ks::chooseLanguage(commandLine.language()));
        return ks::runPngExport(commandLine.pngRequest());
    }

    // The window cannot run without a display, and says so instead of Qt's platform-plugin abort.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fprintf(stderr,
                     "killscope: no display (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                     "  Run it in a desktop session or under Xvfb (xvfb-run -a killscope),\n"
                     "  or use --headless (text) or --png FILE (a picture) without one.\n");
        return 1;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    ks::initResources();
    ks::switchLanguage(ks::chooseLanguage(commandLine.language()));

    for (const QString &w : commandLine.warnings())
        printErr(w);

    // Live mode from the command line: settings as the mysql client builds them.
    const ks::ConnectionRequest request = commandLine.connectionRequest();
    ks::ConnectionSettings settings;
    if (request.given) {
        // Read off the GUI thread even now, with a bound: a hung file system must not hang us.
        const ks::ResolvedConnection resolved = ks::resolveConnectionWaiting(request, 30000);
        for (const QString &w : resolved.warnings)
            printErr(w);
        if (!resolved.ok()) {
            for (const QString &e : resolved.errors)
                printErr(e);
            return 2;
        }
        settings = resolved.settings;
        if (settings.askPassword) {
            // Like mysql -p: ask on the terminal when there is one, else the window asks.
            QString password;
            if (ks::askPasswordOnTerminal(ks::passwordPrompt(), &password)) {
                settings.password = password;
                settings.askPassword = false;
            }
        }
    }

    ks::MainWindow window;
    ks::LiveController live(&window);
    ks::RecordingController recordings(&window, &live);
    if (!commandLine.recordPath().isEmpty())
        recordings.setNextRecordPath(commandLine.recordPath());
    // An explicit -geometry (screenshots, scripts) wins over the remembered layout.
    if (!commandLine.explicitGeometry())
        window.restoreLayout();
    const QString scenario = commandLine.scenario();
    window.openScenario(scenario.isEmpty() ? ks::SimulationSource::defaultScenarioId() : scenario,
                        commandLine.flavor());
    if (const auto at = commandLine.atUs())
        window.playback()->setPosition(*at);
    window.show();
    if (commandLine.present())
        window.setPresentationMode(true);
    if (request.given)
        live.connectTo(settings, request.readOnly);
    if (const int interval = commandLine.intervalMs(); interval > 0)
        QObject::connect(&live, &ks::LiveController::liveStarted, &live, [&live, interval](ks::LiveSource *s) {
            // The Live ▸ Sampling interval choice when there is one, so the menu and the cost
            // widget say the same; else the source alone.
            for (QAction *a : live.menu()->findChildren<QAction *>()) {
                if (a->isCheckable() && a->data().toInt() == interval && a->actionGroup()) {
                    a->trigger();
                    return;
                }
            }
            s->setIntervalMs(interval);
        });
    if (const QString recording = commandLine.recording(); !recording.isEmpty()) {
        // The playhead of --at is counted from the recording's first sample.
        const auto at = commandLine.atUs();
        QObject::connect(&recordings, &ks::RecordingController::opened, &window,
                         [&window, at](ks::RecordingSource *s) {
                             if (at)
                                 window.playback()->setPosition(s->beginUs() + *at);
                         });
        QObject::connect(&recordings, &ks::RecordingController::failed, &window,
                         [](const QString &message) { printErr(message); });
        recordings.openRecording(recording);
    }
    return app.exec();
}
