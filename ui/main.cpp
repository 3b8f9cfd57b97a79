#include "killscope.h"
#include "language.h"
#include "mainwindow.h"
#include "resources.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
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
    parser.addOption(langOption);
    parser.process(app);

    ks::switchLanguage(ks::chooseLanguage(parser.value(langOption)));

    ks::MainWindow window;
    window.show();
    return app.exec();
}
